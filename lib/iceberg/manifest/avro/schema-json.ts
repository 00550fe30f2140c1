/**
 * Avro schemas in their JSON form, as found in a file header, and the few walks we do
 * over them. Iceberg puts its own attributes on them (`field-id`, `element-id`,
 * `logicalType: "map"` on arrays), which plain Avro libraries drop; we keep the JSON.
 */

import { ManifestError } from "../errors";

export type AvroSchema = string | AvroSchema[] | AvroComplexSchema;

export interface AvroComplexSchema {
  type: AvroSchema;
  name?: string;
  namespace?: string;
  fields?: AvroField[];
  items?: AvroSchema;
  values?: AvroSchema;
  size?: number;
  logicalType?: string;
  [attribute: string]: unknown;
}

export interface AvroField {
  name: string;
  type: AvroSchema;
  "field-id"?: number;
  default?: unknown;
  doc?: string;
  [attribute: string]: unknown;
}

export interface AvroRecordSchema extends AvroComplexSchema {
  type: "record";
  name: string;
  fields: AvroField[];
}

const PRIMITIVES = new Set([
  "null",
  "boolean",
  "int",
  "long",
  "float",
  "double",
  "bytes",
  "string",
]);

export function isPrimitiveName(name: string): boolean {
  return PRIMITIVES.has(name);
}

/**
 * Replaces references to named types ("r508", "decimal_9_2") by their definitions, so
 * later walks need no registry. Manifest schemas are never recursive, so the result is
 * a finite tree (a DAG when a type is used twice).
 */
export function inlineNamedTypes(schema: AvroSchema): AvroSchema {
  const named = new Map<string, AvroComplexSchema>();
  const register = (node: AvroComplexSchema, namespace: string | undefined) => {
    const name = node.name as string;
    const short = name.split(".").pop() as string;
    named.set(name, node);
    if (namespace && !name.includes(".")) named.set(`${namespace}.${name}`, node);
    if (!named.has(short)) named.set(short, node);
  };
  const lookup = (name: string, namespace: string | undefined): AvroComplexSchema => {
    const found =
      named.get(name) ??
      (namespace ? named.get(`${namespace}.${name}`) : undefined) ??
      named.get(name.split(".").pop() as string);
    if (found === undefined) {
      throw new ManifestError("corrupt", `Avro schema refers to undefined type "${name}"`);
    }
    return found;
  };
  const visit = (node: AvroSchema, namespace: string | undefined): AvroSchema => {
    if (typeof node === "string") return isPrimitiveName(node) ? node : lookup(node, namespace);
    if (Array.isArray(node)) return node.map((branch) => visit(branch, namespace));
    if (typeof node.type === "string" && !isPrimitiveName(node.type) && !COMPLEX.has(node.type)) {
      return lookup(node.type, namespace); // `{"type": "r508"}` names a defined type
    }
    const ns = node.namespace ?? namespace;
    const copy: AvroComplexSchema = { ...node };
    if (node.name !== undefined && COMPLEX.has(typeNameOf(node))) register(copy, ns);
    if (typeof node.type !== "string") copy.type = visit(node.type, ns);
    if (node.fields) copy.fields = node.fields.map((f) => ({ ...f, type: visit(f.type, ns) }));
    if (node.items !== undefined) copy.items = visit(node.items, ns);
    if (node.values !== undefined) copy.values = visit(node.values, ns);
    return copy;
  };
  return visit(schema, undefined);
}

const COMPLEX = new Set(["record", "error", "enum", "fixed", "array", "map"]);

/**
 * The type name of a (named-type-inlined) schema node: "int", "record", "array", …
 * `{"type": "int"}` and `"int"` are the same type.
 */
export function typeNameOf(schema: AvroSchema): string {
  if (typeof schema === "string") return schema;
  if (Array.isArray(schema)) return "union";
  return typeof schema.type === "string" ? schema.type : typeNameOf(schema.type);
}

/** The logical type annotation of a node, if any. */
export function logicalTypeOf(schema: AvroSchema): string | undefined {
  if (typeof schema === "string" || Array.isArray(schema)) return undefined;
  if (schema.logicalType !== undefined) return schema.logicalType;
  return typeof schema.type === "object" ? logicalTypeOf(schema.type) : undefined;
}

/**
 * The non-null branch of an optional union (`["null", T]` → T); other schemas as they
 * are. Iceberg only writes two-branch unions with null.
 */
export function nonNullBranch(schema: AvroSchema): AvroSchema {
  if (!Array.isArray(schema)) {
    // `{"type": ["null", "int"]}` is legal too.
    if (typeof schema === "object" && Array.isArray(schema.type)) return nonNullBranch(schema.type);
    return schema;
  }
  const branches = schema.filter((branch) => branch !== "null");
  if (branches.length !== 1) {
    throw new ManifestError("invalid-value", `unsupported Avro union ${JSON.stringify(schema)}`);
  }
  return branches[0];
}

/** The record definition of a node (after unwrapping nullable unions), or undefined. */
export function asRecord(schema: AvroSchema): AvroRecordSchema | undefined {
  const node = nonNullBranch(schema);
  if (
    typeof node === "object" &&
    !Array.isArray(node) &&
    node.fields &&
    typeNameOf(node) === "record"
  ) {
    return node as AvroRecordSchema;
  }
  return undefined;
}
