/**
 * Small tables and snapshots for the commit tests, and one check that a result is
 * metadata Tarn could write and any REST client could read. Test-only.
 */
import { expect } from "vitest";
import { expectRestSchema } from "../../../tests/support/rest-spec";
import {
  type FormatVersion,
  parseTableMetadata,
  type Snapshot,
  type StructType,
  serializeTableMetadata,
  type TableMetadata,
  tableMetadataToJson,
} from "../spec";
import { applyUpdates } from "./apply";
import { newTableMetadata } from "./new-table";
import type { TableUpdate } from "./types";

export const T0 = 1_700_000_000_000;
export const UUID = "9c12d441-03fe-4693-9a96-a0705ddf69c1";
export const LOCATION = "s3://warehouse/db/events";

/**
 * The sample table's schema, with the ids a new table gets (top-level columns first):
 * 1 id long (required, identifier), 2 data string, 3 ts timestamptz,
 * 4 location struct<8 lat double, 9 long double>, 5 tags list<10 string>,
 * 6 points list<11 struct<12 x long, 13 y long>>, 7 props map<14 string, 15 struct<16 value string>>.
 */
export const SCHEMA: StructType & { identifierFieldIds: number[] } = {
  type: "struct",
  identifierFieldIds: [1],
  fields: [
    { id: 1, name: "id", required: true, type: "long" },
    { id: 2, name: "data", required: false, type: "string" },
    { id: 3, name: "ts", required: false, type: "timestamptz" },
    {
      id: 4,
      name: "location",
      required: false,
      type: {
        type: "struct",
        fields: [
          { id: 8, name: "lat", required: false, type: "double" },
          { id: 9, name: "long", required: false, type: "double" },
        ],
      },
    },
    {
      id: 5,
      name: "tags",
      required: false,
      type: { type: "list", elementId: 10, element: "string", elementRequired: false },
    },
    {
      id: 6,
      name: "points",
      required: false,
      type: {
        type: "list",
        elementId: 11,
        elementRequired: false,
        element: {
          type: "struct",
          fields: [
            { id: 12, name: "x", required: true, type: "long" },
            { id: 13, name: "y", required: true, type: "long" },
          ],
        },
      },
    },
    {
      id: 7,
      name: "props",
      required: false,
      type: {
        type: "map",
        keyId: 14,
        key: "string",
        valueId: 15,
        valueRequired: false,
        value: {
          type: "struct",
          fields: [{ id: 16, name: "value", required: false, type: "string" }],
        },
      },
    },
  ],
};

/** The sample table: partitioned by day(ts) and bucket(16, id), sorted by id. */
export function sampleTable(formatVersion: FormatVersion = 2): TableMetadata {
  return newTableMetadata({
    location: LOCATION,
    schema: SCHEMA,
    partitionSpec: {
      fields: [
        { sourceId: 3, name: "ts_day", transform: "day" },
        { sourceId: 1, name: "id_bucket", transform: "bucket[16]" },
      ],
    },
    sortOrder: {
      orderId: 1,
      fields: [{ sourceId: 1, transform: "identity", direction: "asc", nullOrder: "nulls-first" }],
    },
    properties: { owner: "tarn" },
    formatVersion,
    uuid: UUID,
    now: T0,
  }).metadata;
}

/** A snapshot of the sample table; `n` gives a readable id and timestamp. */
export function snapshot(
  id: bigint,
  options: {
    parent?: bigint;
    seq?: number;
    at?: number;
    operation?: Snapshot["summary"]["operation"];
  } = {},
): Snapshot {
  const snap: Snapshot = {
    snapshotId: id,
    sequenceNumber: options.seq ?? 0,
    timestampMs: options.at ?? T0 + Number(id) * 1000,
    manifestList: `${LOCATION}/metadata/snap-${id}.avro`,
    summary: { operation: options.operation ?? "append" },
    schemaId: 0,
  };
  if (options.parent !== undefined) snap.parentSnapshotId = options.parent;
  return snap;
}

/** Appends a chain of snapshots on `branch` (default main), one commit each. */
export function appendChain(
  meta: TableMetadata,
  ids: bigint[],
  options: { branch?: string; at?: (id: bigint) => number } = {},
): TableMetadata {
  const branch = options.branch ?? "main";
  let current = meta;
  for (const id of ids) {
    const parent = current.refs[branch]?.snapshotId;
    const seq = current.formatVersion === 1 ? 0 : current.lastSequenceNumber + 1;
    const snap = snapshot(id, { parent, seq, at: options.at?.(id) });
    const updates: TableUpdate[] = [
      { action: "add-snapshot", snapshot: snap },
      { action: "set-snapshot-ref", refName: branch, snapshotId: id, type: "branch" },
    ];
    current = applyUpdates(current, updates, { now: snap.timestampMs });
  }
  return current;
}

/** The metadata survives Tarn's writer and reader unchanged, and is a valid REST `TableMetadata`. */
export function expectWritable(meta: TableMetadata): void {
  const json = tableMetadataToJson(meta);
  expectRestSchema("TableMetadata", json);
  expect(parseTableMetadata(serializeTableMetadata(meta))).toEqual(meta);
}
