import { describe, expect, it } from "vitest";
import { NIL_UUID, type Schema, type TableMetadata } from "../spec";
import { applyUpdates } from "./apply";
import { CommitValidationError } from "./errors";
import {
  appendChain,
  expectWritable,
  LOCATION,
  sampleTable,
  snapshot,
  T0,
  UUID,
} from "./test-support";
import type { TableUpdate } from "./types";

const NOW = T0 + 1_000_000;

function apply(meta: TableMetadata | null, ...updates: TableUpdate[]): TableMetadata {
  const result = applyUpdates(meta, updates, { now: NOW });
  expectWritable(result);
  return result;
}

function refused(meta: TableMetadata | null, updates: TableUpdate[], message: string) {
  const act = () => applyUpdates(meta, updates, { now: NOW });
  expect(act).toThrow(CommitValidationError);
  expect(act).toThrow(message);
}

const base = sampleTable();
const withSnapshots = appendChain(base, [1n, 2n, 3n]);

const schemaWith = (extra: Schema["fields"], schemaId = 0): Schema => ({
  ...base.schemas[0],
  schemaId,
  fields: [...base.schemas[0].fields, ...extra],
});

describe("add-schema and set-current-schema", () => {
  const added = schemaWith([{ id: 17, name: "note", required: false, type: "string" }], 7);

  it("gives a new schema the next id and raises last-column-id", () => {
    const meta = apply(
      base,
      { action: "add-schema", schema: added },
      { action: "set-current-schema", schemaId: -1 },
    );
    expect(meta.schemas.map((s) => s.schemaId)).toEqual([0, 1]);
    expect(meta.currentSchemaId).toBe(1);
    expect(meta.lastColumnId).toBe(17);
    expect(meta.lastUpdatedMs).toBe(NOW);
  });

  it("re-uses an identical schema, whatever its id", () => {
    const same = { ...base.schemas[0], schemaId: 9 };
    expect(applyUpdates(base, [{ action: "add-schema", schema: same }], { now: NOW })).toBe(base);
    const meta = apply(
      base,
      { action: "add-schema", schema: added },
      { action: "set-current-schema", schemaId: -1 },
      { action: "add-schema", schema: same },
      { action: "set-current-schema", schemaId: -1 },
    );
    expect(meta.schemas).toHaveLength(2);
    expect(meta.currentSchemaId).toBe(0);
  });

  it("writes types in their canonical spelling", () => {
    const schema = schemaWith([{ id: 17, name: "p", required: false, type: "decimal(9,2)" }]);
    const meta = apply(base, { action: "add-schema", schema });
    expect(meta.schemas[1].fields.at(-1)?.type).toBe("decimal(9, 2)");
  });

  it("keeps last-column-id when the schema's ids are lower", () => {
    const small: Schema = {
      type: "struct",
      schemaId: 0,
      fields: [base.schemas[0].fields[0]],
      identifierFieldIds: [1],
    };
    expect(apply(base, { action: "add-schema", schema: small }).lastColumnId).toBe(16);
  });

  // biome-ignore format: one case a line
  const invalid: [string, TableUpdate[], string][] = [
    ["-1 before any add", [{ action: "set-current-schema", schemaId: -1 }], "updates[0]: -1 means the last added schema, but no schema was added before this update"],
    ["an unknown schema", [{ action: "set-current-schema", schemaId: 4 }], "updates[0]: cannot set the current schema to unknown schema 4 (ids: 0)"],
    ["a v3 type in a v2 table", [{ action: "add-schema", schema: schemaWith([{ id: 17, name: "v", required: false, type: "variant" }]) }], "updates[0].schema.fields[7].type: type variant is not supported until format v3 (this table is v2)"],
    ["a duplicate field id", [{ action: "add-schema", schema: schemaWith([{ id: 2, name: "dup", required: false, type: "int" }]) }], "updates[0].schema.fields[7].id: duplicate field id 2"],
    ["an optional identifier field", [{ action: "add-schema", schema: { ...schemaWith([]), identifierFieldIds: [2] } }], "identifier field 2 (data) must be required"],
    ["a schema that drops a partition source", [{ action: "add-schema", schema: { type: "struct", schemaId: 1, fields: [base.schemas[0].fields[0]] } }, { action: "set-current-schema", schemaId: -1 }], "default partition spec 0, field ts_day: source column 3 is not in schema 1"],
  ];
  it.each(invalid)("refuses %s", (_, updates, message) => refused(base, updates, message));
});

describe("add-spec and set-default-spec", () => {
  it("adds a spec, assigning ids after last-partition-id", () => {
    const meta = apply(
      base,
      {
        action: "add-spec",
        spec: {
          fields: [
            { sourceId: 2, name: "data", transform: "IDENTITY" },
            { sourceId: 3, name: "ts_day", transform: "day", fieldId: 1000 },
          ],
        },
      },
      { action: "set-default-spec", specId: -1 },
    );
    expect(meta.partitionSpecs[1]).toEqual({
      specId: 1,
      fields: [
        { sourceId: 2, name: "data", transform: "identity", fieldId: 1002 },
        { sourceId: 3, name: "ts_day", transform: "day", fieldId: 1000 },
      ],
    });
    expect(meta.defaultSpecId).toBe(1);
    expect(meta.lastPartitionId).toBe(1002);
  });

  it("re-uses an equal spec, field ids aside", () => {
    const same = { fields: base.partitionSpecs[0].fields.map(({ fieldId: _, ...f }) => f) };
    const meta = apply(
      base,
      { action: "add-spec", spec: { fields: [] } },
      { action: "set-default-spec", specId: -1 },
      { action: "add-spec", spec: same },
      { action: "set-default-spec", specId: -1 },
    );
    expect(meta.partitionSpecs.map((s) => s.specId)).toEqual([0, 1]);
    expect(meta.defaultSpecId).toBe(0);
  });

  it("numbers a v1 spec's fields by position", () => {
    const v1 = sampleTable(1);
    const meta = apply(v1, {
      action: "add-spec",
      spec: { fields: [{ sourceId: 2, name: "data", transform: "identity" }] },
    });
    expect(meta.partitionSpecs[1].fields[0].fieldId).toBe(1000);
    refused(
      v1,
      [
        {
          action: "add-spec",
          spec: { fields: [{ sourceId: 2, name: "data", transform: "identity", fieldId: 1005 }] },
        },
      ],
      "format v1 partition specs need sequential field ids from 1000: field data has 1005, expected 1000",
    );
  });

  // biome-ignore format: one case a line
  const invalid: [string, TableUpdate[], string][] = [
    ["an unknown source", [{ action: "add-spec", spec: { fields: [{ sourceId: 99, name: "x", transform: "identity" }] } }], "updates[0]: partition field x: source column 99 is not in schema 0"],
    ["a nested source", [{ action: "add-spec", spec: { fields: [{ sourceId: 4, name: "x", transform: "identity" }] } }], "source column location is a struct, not a primitive"],
    ["a transform that does not fit", [{ action: "add-spec", spec: { fields: [{ sourceId: 8, name: "x", transform: "bucket[4]" }] } }], "bucket[4] cannot apply to location.lat of type double"],
    ["a malformed transform", [{ action: "add-spec", spec: { fields: [{ sourceId: 1, name: "x", transform: "bucket[0]" }] } }], "bucket needs a positive int"],
    ["a name used twice", [{ action: "add-spec", spec: { fields: [{ sourceId: 1, name: "x", transform: "identity" }, { sourceId: 2, name: "x", transform: "identity" }] } }], 'partition field name "x" is used twice'],
    ["an unknown default", [{ action: "set-default-spec", specId: 3 }], "cannot set the default spec to unknown spec 3 (ids: 0)"],
    ["-1 before any add", [{ action: "set-default-spec", specId: -1 }], "-1 means the last added partition spec"],
  ];
  it.each(invalid)("refuses %s", (_, updates, message) => refused(base, updates, message));

  it("accepts transforms it does not know, as Java does", () => {
    const meta = apply(base, {
      action: "add-spec",
      spec: { fields: [{ sourceId: 2, name: "z", transform: "zorder" }] },
    });
    expect(meta.partitionSpecs[1].fields[0]).toMatchObject({ transform: "zorder", fieldId: 1002 });
  });
});

describe("add-sort-order and set-default-sort-order", () => {
  const byData = {
    orderId: 5,
    fields: [
      {
        sourceId: 2,
        transform: "identity",
        direction: "desc" as const,
        nullOrder: "nulls-last" as const,
      },
    ],
  };

  it("numbers sorted orders from 1 and re-uses equal ones", () => {
    const meta = apply(
      base,
      { action: "add-sort-order", sortOrder: byData },
      { action: "set-default-sort-order", sortOrderId: -1 },
    );
    expect(meta.sortOrders.map((o) => o.orderId)).toEqual([1, 2]);
    expect(meta.defaultSortOrderId).toBe(2);
    const again = apply(
      meta,
      { action: "add-sort-order", sortOrder: { ...byData, orderId: 9 } },
      { action: "set-default-sort-order", sortOrderId: -1 },
    );
    expect(again.sortOrders).toHaveLength(2);
  });

  it("keeps the unsorted order at id 0", () => {
    const meta = apply(
      base,
      { action: "add-sort-order", sortOrder: { orderId: 3, fields: [] } },
      { action: "set-default-sort-order", sortOrderId: -1 },
    );
    expect(meta.sortOrders.map((o) => o.orderId)).toEqual([1, 0]);
    expect(meta.defaultSortOrderId).toBe(0);
  });

  it("refuses a sort field over a missing column, or an unknown default", () => {
    refused(
      base,
      [
        {
          action: "add-sort-order",
          sortOrder: { orderId: 1, fields: [{ ...byData.fields[0], sourceId: 77 }] },
        },
      ],
      "sort field identity(77): source column 77 is not in schema 0",
    );
    refused(
      base,
      [{ action: "set-default-sort-order", sortOrderId: 4 }],
      "cannot set the default sort order to unknown order 4 (ids: 1)",
    );
  });
});

describe("add-snapshot and set-snapshot-ref", () => {
  it("moves main, the current snapshot and the snapshot log", () => {
    const snap = snapshot(10n, { seq: 1, at: T0 + 500 });
    const meta = apply(
      base,
      { action: "add-snapshot", snapshot: snap },
      { action: "set-snapshot-ref", refName: "main", snapshotId: 10n, type: "branch" },
    );
    expect(meta.currentSnapshotId).toBe(10n);
    expect(meta.refs.main).toEqual({ snapshotId: 10n, type: "branch" });
    expect(meta.lastSequenceNumber).toBe(1);
    expect(meta.lastUpdatedMs).toBe(T0 + 500);
    expect(meta.snapshotLog).toEqual([{ snapshotId: 10n, timestampMs: T0 + 500 }]);
  });

  it("logs only the snapshot main ends at when one commit adds several", () => {
    const meta = apply(
      withSnapshots,
      { action: "add-snapshot", snapshot: snapshot(4n, { parent: 3n, seq: 4 }) },
      { action: "set-snapshot-ref", refName: "main", snapshotId: 4n, type: "branch" },
      { action: "add-snapshot", snapshot: snapshot(5n, { parent: 4n, seq: 5 }) },
      { action: "set-snapshot-ref", refName: "main", snapshotId: 5n, type: "branch" },
    );
    expect(meta.snapshotLog.map((e) => e.snapshotId)).toEqual([1n, 2n, 3n, 5n]);
    expect(meta.lastSequenceNumber).toBe(5);
  });

  it("moves other branches and tags without touching main or the log", () => {
    const meta = apply(
      withSnapshots,
      { action: "add-snapshot", snapshot: snapshot(4n, { parent: 3n, seq: 4 }) },
      {
        action: "set-snapshot-ref",
        refName: "dev",
        snapshotId: 4n,
        type: "branch",
        minSnapshotsToKeep: 2,
      },
      { action: "set-snapshot-ref", refName: "v1", snapshotId: 1n, type: "tag", maxRefAgeMs: 1000 },
    );
    expect(meta.currentSnapshotId).toBe(3n);
    expect(meta.snapshotLog).toEqual(withSnapshots.snapshotLog);
    expect(meta.refs.dev).toEqual({ snapshotId: 4n, type: "branch", minSnapshotsToKeep: 2 });
    expect(meta.refs.v1).toEqual({ snapshotId: 1n, type: "tag", maxRefAgeMs: 1000 });
  });

  it("rolls main back to an existing snapshot at the time given", () => {
    const meta = apply(withSnapshots, {
      action: "set-snapshot-ref",
      refName: "main",
      snapshotId: 1n,
      type: "branch",
    });
    expect(meta.currentSnapshotId).toBe(1n);
    expect(meta.snapshotLog.at(-1)).toEqual({ snapshotId: 1n, timestampMs: NOW });
    expect(meta.lastUpdatedMs).toBe(NOW);
  });

  it("changes nothing when the ref is already so", () => {
    const same: TableUpdate = {
      action: "set-snapshot-ref",
      refName: "main",
      snapshotId: 3n,
      type: "branch",
    };
    expect(applyUpdates(withSnapshots, [same], { now: NOW })).toBe(withSnapshots);
  });

  it("accepts a parentless snapshot below last-sequence-number, as Java does", () => {
    const meta = apply(withSnapshots, {
      action: "add-snapshot",
      snapshot: snapshot(9n, { seq: 1 }),
    });
    expect(meta.lastSequenceNumber).toBe(3);
  });

  // biome-ignore format: one case a line
  const invalid: [string, TableMetadata, TableUpdate[], string][] = [
    ["an old sequence number", withSnapshots, [{ action: "add-snapshot", snapshot: snapshot(4n, { parent: 3n, seq: 3 }) }], "updates[0]: snapshot 4 has sequence number 3, which is not above the table's last sequence number 3"],
    ["a duplicate snapshot", withSnapshots, [{ action: "add-snapshot", snapshot: snapshot(2n, { parent: 3n, seq: 4 }) }], "snapshot 2 already exists"],
    ["a sequence number in v1", sampleTable(1), [{ action: "add-snapshot", snapshot: snapshot(1n, { seq: 1 }) }], "snapshot 1 has sequence number 1, but format v1 has none"],
    ["a ref to an unknown snapshot", withSnapshots, [{ action: "set-snapshot-ref", refName: "dev", snapshotId: 42n, type: "branch" }], "cannot set branch dev to unknown snapshot 42"],
    ["main as a tag", withSnapshots, [{ action: "set-snapshot-ref", refName: "main", snapshotId: 1n, type: "tag" }], "main must be a branch, not a tag"],
    ["a tag with branch retention", withSnapshots, [{ action: "set-snapshot-ref", refName: "t", snapshotId: 1n, type: "tag", minSnapshotsToKeep: 1 }], "tag t cannot set min-snapshots-to-keep or max-snapshot-age-ms"],
    ["a zero retention", withSnapshots, [{ action: "set-snapshot-ref", refName: "b", snapshotId: 1n, type: "branch", maxSnapshotAgeMs: 0 }], "b: maxSnapshotAgeMs must be positive, not 0"],
  ];
  it.each(invalid)("refuses %s", (_, meta, updates, message) => refused(meta, updates, message));
});

describe("v3 row lineage", () => {
  const v3 = sampleTable(3);
  const rows = (id: bigint, firstRowId: number, addedRows: number, parent?: bigint) => ({
    ...snapshot(id, { seq: Number(id), parent }),
    firstRowId,
    addedRows,
  });

  it("moves next-row-id past each snapshot's rows", () => {
    const meta = apply(
      v3,
      { action: "add-snapshot", snapshot: rows(1n, 0, 10) },
      { action: "set-snapshot-ref", refName: "main", snapshotId: 1n, type: "branch" },
      { action: "add-snapshot", snapshot: rows(2n, 10, 5, 1n) },
    );
    expect(meta.nextRowId).toBe(15);
  });

  it("refuses a snapshot behind next-row-id or without row ids", () => {
    const one = apply(v3, { action: "add-snapshot", snapshot: rows(1n, 0, 10) });
    refused(
      one,
      [{ action: "add-snapshot", snapshot: rows(2n, 3, 5) }],
      "snapshot 2 has first-row-id 3, behind the table's next-row-id 10",
    );
    refused(
      v3,
      [{ action: "add-snapshot", snapshot: snapshot(1n, { seq: 1 }) }],
      "snapshot 1 needs a first-row-id in format v3",
    );
  });
});

describe("remove-snapshots and remove-snapshot-ref", () => {
  const tagged = apply(
    withSnapshots,
    { action: "set-snapshot-ref", refName: "t1", snapshotId: 1n, type: "tag" },
    {
      action: "set-statistics",
      statistics: {
        snapshotId: 1n,
        statisticsPath: `${LOCATION}/s.puffin`,
        fileSizeInBytes: 1,
        fileFooterSizeInBytes: 1,
        blobMetadata: [],
      },
    },
  );

  it("removes snapshots, their statistics, the refs on them and older log entries", () => {
    const meta = apply(tagged, { action: "remove-snapshots", snapshotIds: [1n, 77n] });
    expect(meta.snapshots.map((s) => s.snapshotId)).toEqual([2n, 3n]);
    expect(meta.refs.t1).toBeUndefined();
    expect(meta.statistics).toEqual([]);
    expect(meta.snapshotLog.map((e) => e.snapshotId)).toEqual([2n, 3n]);
  });

  it("drops the whole log before a removed entry, so no gap hides a change", () => {
    const meta = apply(tagged, { action: "remove-snapshots", snapshotIds: [2n] });
    expect(meta.snapshotLog.map((e) => e.snapshotId)).toEqual([3n]);
  });

  it("removing main's snapshot leaves no current snapshot", () => {
    const meta = apply(withSnapshots, { action: "remove-snapshots", snapshotIds: [3n] });
    expect(meta.currentSnapshotId).toBeUndefined();
    expect(meta.refs.main).toBeUndefined();
  });

  it("removes refs by name; removing main unsets the current snapshot", () => {
    expect(apply(tagged, { action: "remove-snapshot-ref", refName: "t1" }).refs.t1).toBeUndefined();
    const meta = apply(tagged, { action: "remove-snapshot-ref", refName: "main" });
    expect(meta.currentSnapshotId).toBeUndefined();
    expect(
      applyUpdates(tagged, [{ action: "remove-snapshot-ref", refName: "nope" }], { now: NOW }),
    ).toBe(tagged);
  });
});

describe("table-level updates", () => {
  it("assign-uuid keeps a uuid, gives one to a v1 table without", () => {
    expect(
      applyUpdates(base, [{ action: "assign-uuid", uuid: UUID.toUpperCase() }], { now: NOW }),
    ).toBe(base);
    refused(
      base,
      [{ action: "assign-uuid", uuid: "00000000-0000-0000-0000-000000000001" }],
      `cannot reassign the table uuid ${UUID}`,
    );
    refused(base, [{ action: "assign-uuid", uuid: "nope" }], 'not a UUID: "nope"');
    const v1 = { ...sampleTable(1), tableUuid: NIL_UUID };
    expect(apply(v1, { action: "assign-uuid", uuid: UUID }).tableUuid).toBe(UUID);
  });

  it("upgrade-format-version upgrades and never downgrades", () => {
    const v1 = appendChain(sampleTable(1), [1n]);
    const v2 = apply(v1, { action: "upgrade-format-version", formatVersion: 2 });
    expect(v2.formatVersion).toBe(2);
    expect(v2.snapshots[0].sequenceNumber).toBe(0);
    expect(apply(v2, { action: "upgrade-format-version", formatVersion: 3 }).nextRowId).toBe(0);
    refused(
      v2,
      [{ action: "upgrade-format-version", formatVersion: 1 }],
      "cannot downgrade a v2 table to v1",
    );
    expect(
      applyUpdates(v2, [{ action: "upgrade-format-version", formatVersion: 2 }], { now: NOW }),
    ).toBe(v2);
  });

  it("set-location, set-properties and remove-properties", () => {
    const meta = apply(
      base,
      { action: "set-location", location: "s3://elsewhere/t" },
      { action: "set-properties", updates: { a: "1", owner: "me" } },
      { action: "remove-properties", removals: ["a", "never-set"] },
    );
    expect(meta.location).toBe("s3://elsewhere/t");
    expect(meta.properties).toEqual({ owner: "me" });
    refused(base, [{ action: "set-location", location: "" }], "the table location cannot be empty");
  });

  it("refuses reserved properties", () => {
    refused(
      base,
      [{ action: "set-properties", updates: { "format-version": "3" } }],
      "reserved table properties cannot be set: format-version (use upgrade-format-version)",
    );
    refused(
      base,
      [{ action: "set-properties", updates: { "current-snapshot-id": "1", uuid: "x" } }],
      "reserved table properties cannot be set: current-snapshot-id, uuid",
    );
  });

  it("statistics: one file per snapshot, replaced and removed", () => {
    const stats = (path: string) => ({
      snapshotId: 2n,
      statisticsPath: path,
      fileSizeInBytes: 1,
      fileFooterSizeInBytes: 1,
      blobMetadata: [],
    });
    const meta = apply(
      withSnapshots,
      { action: "set-statistics", statistics: stats("a") },
      { action: "set-statistics", statistics: stats("b") },
    );
    expect(meta.statistics.map((s) => s.statisticsPath)).toEqual(["b"]);
    expect(apply(meta, { action: "remove-statistics", snapshotId: 2n }).statistics).toEqual([]);
    refused(
      withSnapshots,
      [{ action: "set-statistics", snapshotId: 3n, statistics: stats("a") }],
      "snapshot-id 3 does not match the statistics file's snapshot 2",
    );
  });

  it("partition statistics: set and remove", () => {
    const file = { snapshotId: 3n, statisticsPath: "p.parquet", fileSizeInBytes: 9 };
    const meta = apply(withSnapshots, {
      action: "set-partition-statistics",
      partitionStatistics: file,
    });
    expect(meta.partitionStatistics).toEqual([file]);
    expect(
      apply(meta, { action: "remove-partition-statistics", snapshotId: 3n }).partitionStatistics,
    ).toEqual([]);
  });

  it("remove-partition-specs and remove-schemas keep the default and current ones", () => {
    const evolved = apply(
      base,
      { action: "add-spec", spec: { fields: [] } },
      { action: "set-default-spec", specId: -1 },
      {
        action: "add-schema",
        schema: schemaWith([{ id: 17, name: "n", required: false, type: "int" }]),
      },
      { action: "set-current-schema", schemaId: -1 },
    );
    const pruned = apply(
      evolved,
      { action: "remove-partition-specs", specIds: [0] },
      { action: "remove-schemas", schemaIds: [0] },
    );
    expect(pruned.partitionSpecs.map((s) => s.specId)).toEqual([1]);
    expect(pruned.schemas.map((s) => s.schemaId)).toEqual([1]);
    refused(
      evolved,
      [{ action: "remove-partition-specs", specIds: [1] }],
      "cannot remove the default partition spec 1",
    );
    refused(
      evolved,
      [{ action: "remove-schemas", schemaIds: [1] }],
      "cannot remove the current schema 1",
    );
  });

  it("encryption keys: added once, removed by id", () => {
    const key = { keyId: "k1", encryptedKeyMetadata: "AAAA", properties: { a: "b" } };
    const meta = apply(base, { action: "add-encryption-key", encryptionKey: key });
    expect(meta.encryptionKeys).toEqual([key]);
    expect(
      applyUpdates(meta, [{ action: "add-encryption-key", encryptionKey: { ...key } }], {
        now: NOW,
      }),
    ).toBe(meta);
    refused(
      meta,
      [{ action: "add-encryption-key", encryptionKey: { ...key, encryptedKeyMetadata: "BBBB" } }],
      "encryption key k1 already exists with different content",
    );
    expect(apply(meta, { action: "remove-encryption-key", keyId: "k1" }).encryptionKeys).toEqual(
      [],
    );
  });
});

describe("the metadata log", () => {
  it("records the previous file at the base's time, trimmed by write.metadata.previous-versions-max", () => {
    let meta = apply(base, {
      action: "set-properties",
      updates: { "write.metadata.previous-versions-max": "2" },
    });
    for (let i = 1; i <= 3; i++) {
      meta = applyUpdates(meta, [{ action: "set-properties", updates: { n: String(i) } }], {
        now: NOW + i,
        previousMetadataLocation: `${LOCATION}/metadata/v${i}.metadata.json`,
      });
    }
    expect(meta.metadataLog).toEqual([
      { metadataFile: `${LOCATION}/metadata/v2.metadata.json`, timestampMs: NOW + 1 },
      { metadataFile: `${LOCATION}/metadata/v3.metadata.json`, timestampMs: NOW + 2 },
    ]);
    expectWritable(meta);
  });

  it("is untouched by a commit that changes nothing", () => {
    const same = applyUpdates(base, [], { now: NOW, previousMetadataLocation: "x" });
    expect(same).toBe(base);
  });
});

describe("applying never mutates the base", () => {
  it("leaves every list and map of the base as it was", () => {
    const before = structuredClone(withSnapshots);
    apply(
      withSnapshots,
      { action: "add-snapshot", snapshot: snapshot(4n, { parent: 3n, seq: 4 }) },
      { action: "set-snapshot-ref", refName: "main", snapshotId: 4n, type: "branch" },
      { action: "remove-snapshots", snapshotIds: [1n] },
      { action: "set-properties", updates: { x: "y" } },
      { action: "add-spec", spec: { fields: [] } },
      {
        action: "add-schema",
        schema: schemaWith([{ id: 17, name: "n", required: false, type: "int" }]),
      },
    );
    expect(withSnapshots).toEqual(before);
  });
});

describe("creating a table from updates", () => {
  const schema = {
    type: "struct" as const,
    schemaId: 0,
    fields: [{ id: 1, name: "a", required: false, type: "int" }],
  };

  it("needs only a location and a schema", () => {
    const meta = apply(
      null,
      { action: "add-schema", schema },
      { action: "set-current-schema", schemaId: -1 },
      { action: "set-location", location: LOCATION },
    );
    expect(meta).toMatchObject({
      formatVersion: 2,
      defaultSpecId: 0,
      defaultSortOrderId: 0,
      lastColumnId: 1,
      lastPartitionId: 999,
    });
    expect(meta.tableUuid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("takes its format version from upgrade-format-version", () => {
    const meta = apply(
      null,
      { action: "set-location", location: LOCATION },
      { action: "add-schema", schema },
      { action: "set-current-schema", schemaId: -1 },
      { action: "upgrade-format-version", formatVersion: 1 },
    );
    expect(meta.formatVersion).toBe(1);
  });

  it("may add a snapshot in the same commit (create table as select)", () => {
    const meta = apply(
      null,
      { action: "add-schema", schema },
      { action: "set-current-schema", schemaId: -1 },
      { action: "set-location", location: LOCATION },
      { action: "add-snapshot", snapshot: snapshot(1n, { seq: 1 }) },
      { action: "set-snapshot-ref", refName: "main", snapshotId: 1n, type: "branch" },
    );
    expect(meta.currentSnapshotId).toBe(1n);
  });

  it("refuses a table without a location or a current schema", () => {
    refused(
      null,
      [
        { action: "add-schema", schema },
        { action: "set-current-schema", schemaId: -1 },
      ],
      "a new table needs a location (set-location)",
    );
    refused(
      null,
      [
        { action: "set-location", location: LOCATION },
        { action: "add-schema", schema },
      ],
      "a new table needs a current schema",
    );
    refused(
      null,
      [
        { action: "set-location", location: LOCATION },
        {
          action: "add-spec",
          spec: { fields: [{ sourceId: 1, name: "a", transform: "identity" }] },
        },
      ],
      "set a current schema before adding a partition spec",
    );
  });
});
