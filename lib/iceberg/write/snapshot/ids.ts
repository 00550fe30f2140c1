/**
 * New snapshot ids: random, positive, and below 2^53, because REST clients that parse
 * metadata with `JSON.parse` (iceberg-js) would round a larger id into another one.
 */
import { randomInt } from "node:crypto";
import type { TableMetadata } from "../../spec/types";

const HIGH = 2 ** 21; // 2^53 = 2^21 · 2^32

export function newSnapshotId(metadata: TableMetadata): bigint {
  const taken = new Set(metadata.snapshots.map((s) => s.snapshotId));
  for (;;) {
    const id = BigInt(randomInt(0, HIGH)) * 2n ** 32n + BigInt(randomInt(0, 2 ** 32 - 1) + 1);
    if (id < 2n ** 53n && !taken.has(id)) return id;
  }
}
