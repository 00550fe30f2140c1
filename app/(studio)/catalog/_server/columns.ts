import "server-only";
import type { ColumnRow } from "@/components/catalog/table-types";
import type { ExternalColumn } from "@/lib/catalog/external";
import type { RemoteColumn } from "@/lib/catalog/federated";
import { currentSchema, findFieldById, type IcebergType, type NestedField, type Schema, type TableMetadata } from "@/lib/iceberg/spec";

/** Every column, nested ones after their parent, depth-first: what the Schema tab lists. */
export function columnRows(schema: Schema): ColumnRow[] {
  const identifiers = new Set(schema.identifierFieldIds ?? []);
  const rows: ColumnRow[] = [];
  const visit = (field: NestedField, parentPath: string, depth: number, commentable: boolean) => {
    const path = parentPath ? `${parentPath}.${field.name}` : field.name;
    rows.push({ id: field.id, path, name: field.name, depth, type: typeLabel(field.type), required: field.required, doc: field.doc ?? null, commentable, identifier: identifiers.has(field.id) });
    for (const child of childrenOf(field.type)) visit(child.field, path, depth + 1, child.commentable);
  };
  for (const field of schema.fields) visit(field, "", 0, true);
  return rows;
}

/** Columns of an external table, as inferred from its files (no field ids, no comments). */
export function externalColumnRows(columns: ExternalColumn[]): ColumnRow[] {
  return columns.map((c) => ({ id: null, path: c.name, name: c.name, depth: 0, type: c.partition ? `${c.type} (from folder names)` : c.type, required: !c.nullable, doc: null, commentable: false, identifier: false }));
}

function childrenOf(type: IcebergType): { field: NestedField; commentable: boolean }[] {
  if (typeof type === "string") return [];
  if (type.type === "struct") return type.fields.map((field) => ({ field, commentable: true }));
  if (type.type === "list") return [{ field: { id: type.elementId, name: "element", required: type.elementRequired, type: type.element }, commentable: false }];
  return [
    { field: { id: type.keyId, name: "key", required: true, type: type.key }, commentable: false },
    { field: { id: type.valueId, name: "value", required: type.valueRequired, type: type.value }, commentable: false },
  ];
}

export function typeLabel(type: IcebergType): string {
  if (typeof type === "string") return type;
  if (type.type === "struct") return "struct";
  if (type.type === "list") return `list<${typeLabel(type.element)}>`;
  return `map<${typeLabel(type.key)}, ${typeLabel(type.value)}>`;
}

/** The default partition spec as people write it: "month(order_date)", "bucket(16, id)". */
export function partitioningOf(metadata: TableMetadata): string[] {
  const spec = metadata.partitionSpecs.find((s) => s.specId === metadata.defaultSpecId);
  const schema = currentSchema(metadata);
  return (spec?.fields ?? []).map((field) => {
    const column = findFieldById(schema, field.sourceId)?.name ?? `#${field.sourceId}`;
    const arg = field.transform.match(/^(bucket|truncate)\[(\d+)\]$/);
    if (arg) return `${arg[1]}(${arg[2]}, ${column})`;
    return field.transform === "identity" ? column : `${field.transform}(${column})`;
  });
}

/** Columns of a federated table, as its database describes them. */
export function federatedColumnRows(columns: RemoteColumn[]): ColumnRow[] {
  return [...columns]
    .sort((a, b) => a.position - b.position)
    .map((c) => ({ id: null, path: c.name, name: c.name, depth: 0, type: `${c.type} (${c.nativeType})`, required: !c.nullable, doc: c.comment, commentable: false, identifier: false }));
}
