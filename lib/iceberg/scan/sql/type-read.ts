/**
 * Reading one Iceberg-typed value out of a Parquet column whose structure is known (from
 * the file's footer): the DuckDB type to ask the reader for, and the SQL turning what it
 * returns into the Iceberg type.
 *
 * Inside structs, lists and maps DuckDB matches fields by name, so fields are found by
 * field id here (or through the name mapping for files without ids) and the value is
 * rebuilt under Iceberg's names when the file's names differ, when a field is missing
 * (initial default or NULL), or when a uuid is stored as plain 16-byte FIXED.
 */
import type { IcebergType, ListType, MapType, StructType } from "../../spec";
import { findMapped, type MappedField } from "../name-mapping";
import type { ParquetField } from "../parquet/schema";
import { duckType } from "../../duckdb/types";
import { defaultLiteral } from "./literals";
import { quoteIdent, quoteString } from "../../duckdb/quote";

export interface TypeRead {
  /** The DuckDB type to request for the file's column (its names, Iceberg's types). */
  readType: string;
  /** SQL turning the value read (`ref`) into the Iceberg value; undefined: as read. */
  convert?: (ref: string) => string;
}

/** Ids for a file's fields: its own field ids, or ids assigned by the name mapping. */
export interface IdSource {
  idOf(node: ParquetField, mapped: readonly MappedField[] | undefined): number | undefined;
}

export function typeRead(
  type: IcebergType,
  node: ParquetField,
  mapping: readonly MappedField[] | undefined,
  ids: IdSource,
  depth = 0,
): TypeRead {
  if (typeof type === "string") return primitiveRead(type, node);
  switch (type.type) {
    case "struct":
      return structRead(type, node, mapping, ids, depth);
    case "list":
      return listRead(type, node, mapping, ids, depth);
    case "map":
      return mapRead(type, node, mapping, ids, depth);
  }
}

function primitiveRead(type: string, node: ParquetField): TypeRead {
  const plainFixed = node.physicalType === "FIXED_LEN_BYTE_ARRAY" && node.annotation !== "UUID";
  if (type === "uuid" && plainFixed) return { readType: "BLOB", convert: blobToUuid };
  return { readType: duckType(type) };
}

/** 16 bytes → UUID: DuckDB has no BLOB → UUID cast, but parses the hex text. */
function blobToUuid(ref: string): string {
  const hex = `lower(hex(${ref}))`;
  const parts = [
    [1, 8],
    [9, 4],
    [13, 4],
    [17, 4],
    [21, 12],
  ].map(([from, length]) => `substr(${hex}, ${from}, ${length})`);
  return `CAST(${parts.join(" || '-' || ")} AS UUID)`;
}

function structRead(
  type: StructType,
  node: ParquetField,
  mapping: readonly MappedField[] | undefined,
  ids: IdSource,
  depth: number,
): TypeRead {
  const members = type.fields.map((field) => {
    const child = node.children.find((c) => ids.idOf(c, mapping) === field.id);
    const childMapping = child && mapping ? findMapped(mapping, child.name)?.fields : undefined;
    return {
      field,
      child,
      read: child && typeRead(field.type, child, childMapping, ids, depth + 1),
    };
  });
  const present = members.filter((m) => m.child && m.read);
  const exact =
    present.length === members.length &&
    members.every((m) => m.child?.name === m.field.name && !m.read?.convert);
  if (exact) return { readType: duckType(type) };
  const readFields = present.map((m) => `${quoteIdent(m.child!.name)} ${m.read!.readType}`);
  // A struct none of whose fields the file has is still read, for its nulls only: the
  // values all come from defaults.
  const readType = readFields.length ? `STRUCT(${readFields.join(", ")})` : duckType(type);
  const convert = (ref: string) => {
    const values = members.map(({ field, child, read }) => {
      const value =
        child && read
          ? applyConvert(read, `struct_extract(${ref}, ${quoteString(child.name)})`)
          : defaultLiteral(field);
      return `${quoteIdent(field.name)} := ${value}`;
    });
    return `CASE WHEN ${ref} IS NULL THEN NULL ELSE struct_pack(${values.join(", ")}) END`;
  };
  return { readType, convert };
}

function listRead(
  type: ListType,
  node: ParquetField,
  mapping: readonly MappedField[] | undefined,
  ids: IdSource,
  depth: number,
): TypeRead {
  const element = listElement(node);
  const elementMapping = mapping
    ? (findMapped(mapping, "element") ?? mapping[0])?.fields
    : undefined;
  if (!element) return { readType: duckType(type) };
  const read = typeRead(type.element, element, elementMapping, ids, depth + 1);
  if (!read.convert) return { readType: `${read.readType}[]` };
  const x = `x${depth}`;
  return {
    readType: `${read.readType}[]`,
    convert: (ref) => `list_transform(${ref}, lambda ${x}: ${read.convert!(x)})`,
  };
}

function mapRead(
  type: MapType,
  node: ParquetField,
  mapping: readonly MappedField[] | undefined,
  ids: IdSource,
  depth: number,
): TypeRead {
  const entry = node.children[0];
  const [keyNode, valueNode] = entry?.children ?? [];
  if (!keyNode || !valueNode) return { readType: duckType(type) };
  const keyRead = typeRead(
    type.key,
    keyNode,
    mapping && findMapped(mapping, "key")?.fields,
    ids,
    depth + 1,
  );
  const valueRead = typeRead(
    type.value,
    valueNode,
    mapping && findMapped(mapping, "value")?.fields,
    ids,
    depth + 1,
  );
  const readType = `MAP(${keyRead.readType}, ${valueRead.readType})`;
  if (!keyRead.convert && !valueRead.convert) return { readType };
  const e = `e${depth}`;
  const pair = `struct_pack(key := ${applyConvert(keyRead, `${e}.key`)}, value := ${applyConvert(valueRead, `${e}.value`)})`;
  return {
    readType,
    convert: (ref) => `map_from_entries(list_transform(map_entries(${ref}), lambda ${e}: ${pair}))`,
  };
}

/** The element node of a LIST: three-level (`list.element`) or legacy two-level. */
export function listElement(node: ParquetField): ParquetField | undefined {
  const repeated = node.children[0];
  if (!repeated) return undefined;
  const legacy =
    repeated.children.length !== 1 ||
    repeated.name === "array" ||
    repeated.name === `${node.name}_tuple`;
  return legacy ? repeated : repeated.children[0];
}

function applyConvert(read: TypeRead, ref: string): string {
  return read.convert ? read.convert(ref) : ref;
}
