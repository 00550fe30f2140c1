import { describe, expect, it } from "vitest";
import { selectSnapshot, snapshotIdAsOf } from "./select-snapshot";
import { SCHEMA_V0, SCHEMA_V1, snapshot, tableMetadata } from "./testing/metadata-builder";

const s1 = snapshot(1, 1000, { schemaId: 0 });
const s2 = snapshot(2, 2000, { schemaId: 0, parentSnapshotId: 1n });
const s3 = snapshot(3, 3000, { schemaId: 1, parentSnapshotId: 2n });
const meta = tableMetadata({
  snapshots: [s1, s2, s3],
  currentSnapshotId: 3n,
  snapshotLog: [
    { snapshotId: 1n, timestampMs: 1000 },
    { snapshotId: 2n, timestampMs: 2000 },
    { snapshotId: 3n, timestampMs: 3000 },
  ],
  refs: {
    main: { snapshotId: 3n, type: "branch" },
    audit: { snapshotId: 1n, type: "branch" },
    v1: { snapshotId: 2n, type: "tag" },
  },
});

describe("selectSnapshot", () => {
  it("reads the current snapshot with the current schema", () => {
    expect(selectSnapshot(meta)).toEqual({ snapshot: s3, schema: SCHEMA_V1 });
  });

  it("travels to a snapshot id with that snapshot's schema", () => {
    expect(selectSnapshot(meta, { type: "snapshot-id", snapshotId: 1n })).toEqual({
      snapshot: s1,
      schema: SCHEMA_V0,
    });
  });

  it("reads a tag with its snapshot's schema and a branch with the current schema", () => {
    expect(selectSnapshot(meta, { type: "ref", name: "v1" })).toEqual({
      snapshot: s2,
      schema: SCHEMA_V0,
    });
    expect(selectSnapshot(meta, { type: "ref", name: "audit" })).toEqual({
      snapshot: s1,
      schema: SCHEMA_V1,
    });
  });

  it.each([
    [1000, 1],
    [1999, 1],
    [2000, 2],
    [2999, 2],
    [3000, 3],
    [9999, 3],
  ])("as of %i ms reads snapshot %i (the latest at or before)", (ms, id) => {
    expect(snapshotIdAsOf(meta, ms)).toBe(BigInt(id));
    expect(selectSnapshot(meta, { type: "as-of", timestampMs: ms }).snapshot).toBe(
      meta.snapshots[id - 1],
    );
  });

  it("uses the snapshot log, not snapshot timestamps (a rollback makes an older snapshot current again)", () => {
    const rolledBack = tableMetadata({
      snapshots: [s1, s2],
      currentSnapshotId: 1n,
      snapshotLog: [
        { snapshotId: 1n, timestampMs: 1000 },
        { snapshotId: 2n, timestampMs: 2000 },
        { snapshotId: 1n, timestampMs: 5000 },
      ],
    });
    expect(snapshotIdAsOf(rolledBack, 4000)).toBe(2n);
    expect(snapshotIdAsOf(rolledBack, 6000)).toBe(1n);
  });

  it.each([
    [
      "snapshot-not-found",
      { type: "snapshot-id", snapshotId: 42n } as const,
      /No snapshot with id 42/,
    ],
    ["ref-not-found", { type: "ref", name: "nope" } as const, /"nope" \(known: audit, main, v1\)/],
    [
      "no-snapshot-at-time",
      { type: "as-of", timestampMs: 999 } as const,
      /1970-01-01T00:00:00.999Z/,
    ],
  ])("fails clearly: %s", (kind, selector, message) => {
    expect(() => selectSnapshot(meta, selector)).toThrow(message);
    expect(() => selectSnapshot(meta, selector)).toThrow(expect.objectContaining({ kind }));
  });

  it("reads a table without snapshots as no snapshot, with the current schema", () => {
    expect(selectSnapshot(tableMetadata())).toEqual({ snapshot: undefined, schema: SCHEMA_V1 });
  });
});
