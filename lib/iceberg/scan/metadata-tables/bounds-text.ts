/**
 * Column bounds (single-value binary form) as readable text for metadata tables: the
 * value as partition paths print it, binary as `0x…` hex. Undecodable bounds show NULL.
 */
import type { IcebergType, Schema, TableMetadata } from "../../spec";
import { indexFieldsById } from "../../spec";
import { humanValue } from "../../transforms";
import { fromBinary, parsePrimitive, toHex } from "../../values";

export function boundText(type: IcebergType | undefined, bytes: Uint8Array): string | null {
  if (typeof type !== "string") return null;
  try {
    const kind = parsePrimitive(type).kind;
    if (kind === "binary" || kind === "fixed") return `0x${toHex(bytes)}`;
    const value = fromBinary(type, bytes);
    return value === null ? null : humanValue(type, value as never);
  } catch {
    return null;
  }
}

/** Field types by id over the given schema, then older schemas for dropped columns. */
export function typesById(metadata: TableMetadata, schema: Schema): Map<number, IcebergType> {
  const types = new Map<number, IcebergType>();
  for (const s of [schema, ...[...metadata.schemas].reverse()]) {
    for (const [id, field] of indexFieldsById(s)) if (!types.has(id)) types.set(id, field.type);
  }
  return types;
}

export function decodeBounds(
  bounds: ReadonlyMap<number, Uint8Array> | undefined,
  types: ReadonlyMap<number, IcebergType>,
): Map<number, string | null> | undefined {
  if (!bounds) return undefined;
  return new Map([...bounds].map(([id, bytes]) => [id, boundText(types.get(id), bytes)]));
}
