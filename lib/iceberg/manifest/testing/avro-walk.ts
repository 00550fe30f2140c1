/**
 * Test helper: every record field of an Avro schema (JSON), with its dotted path, so
 * tests can check that each one carries a `field-id`.
 */
type Json = unknown;

export interface WalkedField {
  path: string;
  field: Record<string, unknown>;
}

export function recordFields(schema: Json, path = ""): WalkedField[] {
  if (Array.isArray(schema)) return schema.flatMap((branch) => recordFields(branch, path));
  if (schema === null || typeof schema !== "object") return [];
  const node = schema as Record<string, unknown>;
  const out: WalkedField[] = [];
  if (Array.isArray(node.fields)) {
    for (const field of node.fields as Record<string, unknown>[]) {
      const fieldPath = path ? `${path}.${field.name}` : String(field.name);
      out.push({ path: fieldPath, field }, ...recordFields(field.type, fieldPath));
    }
  }
  if (typeof node.type === "object") out.push(...recordFields(node.type, path));
  if (node.items !== undefined) out.push(...recordFields(node.items, `${path}[]`));
  if (node.values !== undefined) out.push(...recordFields(node.values, `${path}{}`));
  return out;
}

/** Field id → "name: type" for comparison with reference schemas (unions unwrapped). */
export function idsToNamesAndTypes(schema: Json): Map<number, { name: string; type: string }> {
  const out = new Map<number, { name: string; type: string }>();
  for (const { field } of recordFields(schema)) {
    const id = field["field-id"];
    if (typeof id === "number")
      out.set(id, { name: String(field.name), type: typeLabel(field.type) });
  }
  return out;
}

/** "long", "optional long", "record", "optional array", "fixed", … */
function typeLabel(type: Json): string {
  if (Array.isArray(type)) {
    const branches = type.filter((b) => b !== "null");
    return `optional ${typeLabel(branches[0])}`;
  }
  if (typeof type === "string") return type;
  const node = type as Record<string, unknown>;
  return typeof node.type === "string" ? node.type : typeLabel(node.type);
}
