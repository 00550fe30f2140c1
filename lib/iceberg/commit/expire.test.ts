import { describe, expect, it } from "vitest";
import type { Snapshot, TableMetadata } from "../spec";
import { applyUpdates } from "./apply";
import { CommitValidationError } from "./errors";
import { type ExpireOptions, planSnapshotExpiry } from "./expire";
import { filesToDeleteAfterExpiry, type ManifestFileLister } from "./expire-files";
import { checkRequirements } from "./requirements";
import { ManageSnapshots } from "./snapshot-refs";
import { appendChain, expectWritable, sampleTable, snapshot, T0 } from "./test-support";
import type { TableUpdate } from "./types";

const DAY = 24 * 60 * 60 * 1000;
const at = (id: bigint) => T0 + Number(id) * DAY;
const NOW = at(10n);

/** main: 1 ← 2 ← … ← 10, snapshot n committed on day n; it is now day 10. */
const history = appendChain(sampleTable(), [1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n, 10n], { at });

function with_(meta: TableMetadata, ...updates: TableUpdate[]): TableMetadata {
  return applyUpdates(meta, updates, { now: NOW });
}

const plan = (meta: TableMetadata, options: Partial<ExpireOptions> = {}) =>
  planSnapshotExpiry(meta, { now: NOW, ...options });

function expireAndCommit(meta: TableMetadata, options: Partial<ExpireOptions> = {}): TableMetadata {
  const { requirements, updates } = plan(meta, options);
  checkRequirements(meta, requirements);
  const next = applyUpdates(meta, updates, { now: NOW });
  expectWritable(next);
  return next;
}

const ids = (meta: TableMetadata) => meta.snapshots.map((s) => Number(s.snapshotId));

describe("which snapshots expire", () => {
  it("by default keeps the last 5 days of main", () => {
    expect(plan(history).snapshotIdsToRemove).toEqual([1n, 2n, 3n, 4n]);
    const next = expireAndCommit(history);
    expect(ids(next)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(next.snapshotLog.map((e) => Number(e.snapshotId))).toEqual([5, 6, 7, 8, 9, 10]);
  });

  it("takes a cutoff and keeps at least retainLast ancestors", () => {
    expect(plan(history, { olderThanMs: NOW }).snapshotIdsToRemove).toHaveLength(9);
    expect(ids(expireAndCommit(history, { olderThanMs: NOW, retainLast: 3 }))).toEqual([8, 9, 10]);
    expect(ids(expireAndCommit(history, { olderThanMs: at(8n), retainLast: 1 }))).toEqual([
      8, 9, 10,
    ]);
  });

  it("reads the table's history.expire.* defaults", () => {
    const tuned = with_(history, {
      action: "set-properties",
      updates: {
        "history.expire.max-snapshot-age-ms": String(2 * DAY),
        "history.expire.min-snapshots-to-keep": "4",
      },
    });
    expect(ids(expireAndCommit(tuned))).toEqual([7, 8, 9, 10]);
  });

  it("keeps tagged snapshots, and drops tags past their max age", () => {
    const tagged = commitRefs(history, (m) =>
      m.createTag("keep", 2n).createTag("stale", 3n, { maxRefAgeMs: 3 * DAY }),
    );
    const p = plan(tagged);
    expect(p.refsToRemove).toEqual(["stale"]);
    expect(p.snapshotIdsToRemove).toEqual([1n, 3n, 4n]);
    const next = expireAndCommit(tagged);
    expect(Object.keys(next.refs).sort()).toEqual(["keep", "main"]);
  });

  it("keeps what each branch's own retention asks for", () => {
    // dev branches off 3 and adds 11 (day 11 would be the future, so give it day 4)
    let meta = commitRefs(history, (m) => m.createBranch("dev", 3n, { minSnapshotsToKeep: 2 }));
    meta = with_(
      meta,
      { action: "add-snapshot", snapshot: snapshot(11n, { parent: 3n, seq: 11, at: at(4n) }) },
      {
        action: "set-snapshot-ref",
        refName: "dev",
        snapshotId: 11n,
        type: "branch",
        minSnapshotsToKeep: 2,
      },
    );
    expect(plan(meta).snapshotIdsToRemove).toEqual([1n, 2n, 4n]);
    // dev keeping 9 days saves its own lineage (1, 2); 4 is only main's, which keeps 5 days.
    const longer = commitRefs(meta, (m) => m.setMaxSnapshotAgeMs("dev", 9 * DAY));
    expect(plan(longer).snapshotIdsToRemove).toEqual([4n]);
  });

  it("drops branches past their max ref age with the snapshots only they had", () => {
    let meta = commitRefs(history, (m) => m.createBranch("old", 2n, { maxRefAgeMs: DAY }));
    meta = with_(
      meta,
      { action: "add-snapshot", snapshot: snapshot(11n, { parent: 2n, seq: 11, at: at(2n) + 5 }) },
      {
        action: "set-snapshot-ref",
        refName: "old",
        snapshotId: 11n,
        type: "branch",
        maxRefAgeMs: DAY,
      },
    );
    const p = plan(meta, { olderThanMs: at(9n) });
    expect(p.refsToRemove).toEqual(["old"]);
    expect(p.snapshotIdsToRemove).toEqual([1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 11n]);
  });

  it("keeps young snapshots no ref reaches, and expires old ones", () => {
    const staged = with_(
      history,
      { action: "add-snapshot", snapshot: snapshot(20n, { parent: 10n, seq: 11, at: NOW }) },
      { action: "add-snapshot", snapshot: snapshot(21n, { seq: 0, at: at(1n) }) },
    );
    const p = plan(staged);
    expect(p.snapshotIdsToRemove).toContain(21n);
    expect(p.snapshotIdsToRemove).not.toContain(20n);
  });

  it("expires snapshots named explicitly, unless a ref points at them", () => {
    expect(plan(history, { snapshotIds: [8n] }).snapshotIdsToRemove).toEqual([1n, 2n, 3n, 4n, 8n]);
    expect(() => plan(history, { snapshotIds: [10n] })).toThrow(
      "Cannot expire snapshot 10: ref main still points at it",
    );
  });

  it("plans nothing when nothing is old", () => {
    const young = appendChain(sampleTable(), [1n, 2n]);
    expect(planSnapshotExpiry(young, { now: at(2n) })).toEqual({
      snapshotIdsToRemove: [],
      refsToRemove: [],
      requirements: [],
      updates: [],
    });
  });

  it("refuses when gc is off, or retainLast is below 1", () => {
    const noGc = with_(history, { action: "set-properties", updates: { "gc.enabled": "false" } });
    expect(() => plan(noGc)).toThrow(CommitValidationError);
    expect(() => plan(noGc)).toThrow("Cannot expire snapshots: gc.enabled is false");
    expect(() => plan(history, { retainLast: 0 })).toThrow("retainLast must be at least 1, not 0");
  });

  it("asserts every ref, so a ref that moved meanwhile stops the commit", () => {
    const tagged = commitRefs(history, (m) => m.createTag("t", 5n));
    const p = plan(tagged);
    expect(p.requirements).toEqual([
      { type: "assert-table-uuid", uuid: tagged.tableUuid },
      { type: "assert-ref-snapshot-id", ref: "main", snapshotId: 10n },
      { type: "assert-ref-snapshot-id", ref: "t", snapshotId: 5n },
    ]);
    const moved = commitRefs(tagged, (m) => m.replaceTag("t", 2n));
    expect(() => checkRequirements(moved, p.requirements)).toThrow(
      "tag t has moved: expected snapshot 5, found 2",
    );
  });
});

describe("files an expiry frees", () => {
  // Snapshot n lists manifests m1..mn (appends keep earlier manifests); manifest mk names file fk.
  // Snapshot 5 rewrote m1 into m1b, which drops f1 (a delete) and keeps nothing else of it.
  const lister: ManifestFileLister = {
    async manifestsOf(s: Snapshot) {
      const n = Number(s.snapshotId);
      const all = Array.from({ length: n }, (_, i) => `m${i + 1}`);
      return n >= 5 ? ["m1b", ...all.slice(1)] : all;
    },
    async filesOf(manifest: string) {
      return manifest === "m1b" ? ["f1"] : [`f${manifest.slice(1)}`];
    },
  };

  it("frees manifest lists, manifests and files only expired snapshots reach", async () => {
    const after = expireAndCommit(history);
    const freed = await filesToDeleteAfterExpiry(history, after, lister);
    expect(freed.manifestLists).toEqual([1n, 2n, 3n, 4n].map((id) => snapshot(id).manifestList));
    expect(freed.manifests).toEqual(["m1"]);
    // f1 is still named (as deleted) by m1b, which a live snapshot lists.
    expect(freed.contentFiles).toEqual([]);
    const all = await filesToDeleteAfterExpiry(history, { ...after, snapshots: [] }, lister);
    expect(all.contentFiles.sort()).toEqual([
      "f1",
      "f10",
      "f2",
      "f3",
      "f4",
      "f5",
      "f6",
      "f7",
      "f8",
      "f9",
    ]);
  });

  it("frees statistics files of removed snapshots", async () => {
    const stats = with_(history, {
      action: "set-statistics",
      statistics: {
        snapshotId: 2n,
        statisticsPath: "s2.puffin",
        fileSizeInBytes: 1,
        fileFooterSizeInBytes: 1,
        blobMetadata: [],
      },
    });
    const after = expireAndCommit(stats);
    expect((await filesToDeleteAfterExpiry(stats, after, lister)).statisticsFiles).toEqual([
      "s2.puffin",
    ]);
  });
});

function commitRefs(
  meta: TableMetadata,
  change: (m: ManageSnapshots) => ManageSnapshots,
): TableMetadata {
  return applyUpdates(meta, change(new ManageSnapshots(meta)).commit().updates, { now: NOW });
}
