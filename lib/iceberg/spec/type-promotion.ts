/**
 * Which column type changes schema evolution may make (spec, "Schema Evolution").
 *
 * | from          | v1, v2            | v3+                          |
 * |---------------|-------------------|------------------------------|
 * | unknown       | —                 | any type                     |
 * | int           | long              | long                         |
 * | date          | —                 | timestamp, timestamp_ns      |
 * | float         | double            | double                       |
 * | decimal(P, S) | decimal(P', S), P' > P (widen precision only)    |
 *
 * date never promotes to timestamptz or timestamptz_ns. Nested types never change kind;
 * their fields evolve one by one. The spec also forbids a promotion when a partition
 * transform over the column would produce different values afterwards; that check needs
 * the partition specs and belongs to the schema-update code that has them.
 */
import { parsePrimitiveType, type PrimitiveTypeInfo } from "./primitive-types";
import type { FormatVersion, IcebergType } from "./types";

/** True when a column of type `from` may become `to` (identical types included). */
export function isPromotionAllowed(
  from: IcebergType,
  to: IcebergType,
  formatVersion: FormatVersion,
): boolean {
  if (typeof from !== "string") return sameType(from, to);
  const source = parsePrimitiveType(from);
  if (typeof source === "string") return false;
  if (source.kind === "unknown") return formatVersion >= 3;
  if (typeof to !== "string") return false;
  const target = parsePrimitiveType(to);
  if (typeof target === "string") return false;
  return samePrimitive(source, target) || widens(source, target, formatVersion);
}

function widens(from: PrimitiveTypeInfo, to: PrimitiveTypeInfo, formatVersion: FormatVersion) {
  switch (from.kind) {
    case "int":
      return to.kind === "long";
    case "float":
      return to.kind === "double";
    case "decimal":
      return to.kind === "decimal" && to.scale === from.scale && to.precision > from.precision;
    case "date":
      return formatVersion >= 3 && (to.kind === "timestamp" || to.kind === "timestamp_ns");
    default:
      return false;
  }
}

function samePrimitive(a: PrimitiveTypeInfo, b: PrimitiveTypeInfo): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Structural type equality; primitive spellings such as "decimal(9,2)"/"decimal(9, 2)" match. */
export function sameType(a: IcebergType, b: IcebergType): boolean {
  if (typeof a === "string" || typeof b === "string") {
    if (typeof a !== "string" || typeof b !== "string") return false;
    const left = parsePrimitiveType(a);
    const right = parsePrimitiveType(b);
    if (typeof left === "string" || typeof right === "string") return a === b;
    return samePrimitive(left, right);
  }
  if (a.type === "struct" && b.type === "struct") {
    return (
      a.fields.length === b.fields.length &&
      a.fields.every((f, i) => {
        const g = b.fields[i];
        return (
          f.id === g.id &&
          f.name === g.name &&
          f.required === g.required &&
          sameType(f.type, g.type)
        );
      })
    );
  }
  if (a.type === "list" && b.type === "list") {
    return (
      a.elementId === b.elementId &&
      a.elementRequired === b.elementRequired &&
      sameType(a.element, b.element)
    );
  }
  if (a.type === "map" && b.type === "map") {
    return (
      a.keyId === b.keyId &&
      a.valueId === b.valueId &&
      a.valueRequired === b.valueRequired &&
      sameType(a.key, b.key) &&
      sameType(a.value, b.value)
    );
  }
  return false;
}
