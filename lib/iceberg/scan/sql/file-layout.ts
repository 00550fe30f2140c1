/**
 * Whether a Parquet column, as its footer describes it, stores an Iceberg type exactly as
 * DuckDB would return it when reading the column by name: at every struct level the same
 * fields (by id), under the same names, in the same order and nothing more; lists and
 * maps with the element, key and value ids; leaves that need no conversion. Such a
 * column read by name and cast to the Iceberg type's DuckDB type equals the column read
 * by field id with that type.
 */
import type { IcebergType } from "../../spec";
import type { ParquetField } from "../parquet/schema";
import { isPlain } from "./schema-history";
import { listElement } from "./type-read";

export function storesExactly(type: IcebergType, node: ParquetField): boolean {
  if (node.repetition === "repeated") return false;
  if (typeof type === "string") return isLeafAsIs(type, node);
  switch (type.type) {
    case "struct": {
      const children = node.children;
      const names = new Set(children.map((c) => c.name.toLowerCase()));
      return (
        node.physicalType === undefined &&
        node.annotation === undefined &&
        children.length === type.fields.length &&
        names.size === children.length &&
        type.fields.every((field, i) => {
          const child = children[i];
          return (
            child.fieldId === field.id &&
            child.name === field.name &&
            storesExactly(field.type, child)
          );
        })
      );
    }
    case "list": {
      const element = node.annotation === "LIST" ? listElement(node) : undefined;
      return (
        element?.fieldId === type.elementId &&
        storesExactly(type.element, { ...element, repetition: "optional" })
      );
    }
    case "map": {
      const [key, value] = node.annotation === "MAP" ? (node.children[0]?.children ?? []) : [];
      return (
        key?.fieldId === type.keyId &&
        value?.fieldId === type.valueId &&
        storesExactly(type.key, key) &&
        storesExactly(type.value, value)
      );
    }
  }
}

/** A plain primitive, or a uuid stored as one (a bare 16-byte FIXED needs converting). */
function isLeafAsIs(type: string, node: ParquetField): boolean {
  if (node.physicalType === undefined || node.children.length > 0) return false;
  return isPlain(type) || (type === "uuid" && node.annotation === "UUID");
}

/** The physical layout of a column, so that files storing a column alike share one read. */
export function layoutKey(node: ParquetField): string {
  const own = `${node.physicalType ?? "group"}:${node.annotation ?? ""}`;
  return node.children.length ? `${own}(${node.children.map(layoutKey).join(",")})` : own;
}
