/**
 * A string naming "this partition of this spec", for grouping files: delete files apply
 * to data files of the same spec and the same partition tuple.
 */
import type { PartitionData } from "../manifest";
import { toHex } from "../values";

export function partitionKey(specId: number, partition: PartitionData): string {
  const parts = [...partition.values()].map(valueKey);
  return `${specId}|${parts.join("|")}`;
}

function valueKey(value: unknown): string {
  if (value === null || value === undefined) return "∅";
  if (value instanceof Uint8Array) return `x${toHex(value)}`;
  if (typeof value === "bigint") return `n${value}`;
  if (typeof value === "string") return `s${JSON.stringify(value)}`;
  return `${typeof value}:${String(value)}`;
}
