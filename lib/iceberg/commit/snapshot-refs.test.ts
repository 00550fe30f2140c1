import { describe, expect, it } from "vitest";
import type { TableMetadata } from "../spec";
import { ancestorsOf, isAncestorOf } from "./ancestry";
import { applyUpdates } from "./apply";
import { CommitConflictError, CommitValidationError } from "./errors";
import { checkRequirements } from "./requirements";
import { ManageSnapshots } from "./snapshot-refs";
import { appendChain, expectWritable, sampleTable, T0, UUID } from "./test-support";

const NOW = T0 + 1_000_000;

// main: 1 ← 2 ← 3; dev: 1 ← 2 ← 4 (branched at 2); tag v1 at 1.
const table: TableMetadata = (() => {
  let meta = appendChain(sampleTable(), [1n, 2n]);
  meta = commit(meta, new ManageSnapshots(meta).createBranch("dev").createTag("v1", 1n));
  meta = appendChain(meta, [3n]);
  return appendChain(meta, [4n], { branch: "dev" });
})();

function commit(meta: TableMetadata, manage: ManageSnapshots): TableMetadata {
  const { requirements, updates } = manage.commit();
  checkRequirements(meta, requirements);
  const next = applyUpdates(meta, updates, { now: NOW });
  expectWritable(next);
  return next;
}

const refsOf = (meta: TableMetadata) =>
  Object.fromEntries(
    Object.entries(meta.refs).map(([name, ref]) => [name, `${ref.type}@${ref.snapshotId}`]),
  );

describe("ancestry", () => {
  it("walks parents newest first and knows ancestors", () => {
    expect([...ancestorsOf(table, 4n)].map((s) => s.snapshotId)).toEqual([4n, 2n, 1n]);
    expect(isAncestorOf(table, 3n, 1n)).toBe(true);
    expect(isAncestorOf(table, 3n, 3n)).toBe(true);
    expect(isAncestorOf(table, 3n, 4n)).toBe(false);
    expect([...ancestorsOf(table, undefined)]).toEqual([]);
  });
});

describe("tags and branches", () => {
  it("creates, replaces and removes tags", () => {
    const tagged = commit(
      table,
      new ManageSnapshots(table).createTag("v2", 3n, { maxRefAgeMs: 1000 }).replaceTag("v1", 2n),
    );
    expect(tagged.refs.v2).toEqual({ snapshotId: 3n, type: "tag", maxRefAgeMs: 1000 });
    expect(tagged.refs.v1.snapshotId).toBe(2n);
    expect(refsOf(commit(tagged, new ManageSnapshots(tagged).removeTag("v2")))).not.toHaveProperty(
      "v2",
    );
  });

  it("creates branches at the current snapshot or a given one, with retention", () => {
    const next = commit(
      table,
      new ManageSnapshots(table)
        .createBranch("audit")
        .createBranch("old", 1n, { minSnapshotsToKeep: 2, maxSnapshotAgeMs: 60_000 }),
    );
    expect(next.refs.audit).toEqual({ snapshotId: 3n, type: "branch" });
    expect(next.refs.old).toEqual({
      snapshotId: 1n,
      type: "branch",
      minSnapshotsToKeep: 2,
      maxSnapshotAgeMs: 60_000,
    });
    expect(next.currentSnapshotId).toBe(3n);
  });

  it("says what it commits, asserting each ref it touches", () => {
    expect(new ManageSnapshots(table).createTag("v2", 3n).removeBranch("dev").commit()).toEqual({
      requirements: [
        { type: "assert-table-uuid", uuid: UUID },
        { type: "assert-ref-snapshot-id", ref: "dev", snapshotId: 4n },
        { type: "assert-ref-snapshot-id", ref: "v2", snapshotId: null },
      ],
      updates: [
        { action: "remove-snapshot-ref", refName: "dev" },
        { action: "set-snapshot-ref", refName: "v2", snapshotId: 3n, type: "tag" },
      ],
    });
    expect(new ManageSnapshots(table).commit()).toEqual({ requirements: [], updates: [] });
  });

  it("renames a branch as set new + remove old, keeping its settings", () => {
    const kept = commit(
      table,
      new ManageSnapshots(table).setMinSnapshotsToKeep("dev", 3).setMaxRefAgeMs("dev", 9000),
    );
    const change = new ManageSnapshots(kept).renameBranch("dev", "feature").commit();
    expect(change.updates).toEqual([
      { action: "remove-snapshot-ref", refName: "dev" },
      {
        action: "set-snapshot-ref",
        refName: "feature",
        snapshotId: 4n,
        type: "branch",
        minSnapshotsToKeep: 3,
        maxRefAgeMs: 9000,
      },
    ]);
    const renamed = commit(kept, new ManageSnapshots(kept).renameBranch("dev", "feature"));
    expect(refsOf(renamed)).toEqual({ main: "branch@3", v1: "tag@1", feature: "branch@4" });
  });

  it("replaces a branch with any snapshot and fast-forwards one to a ref ahead of it", () => {
    const behind = commit(
      table,
      new ManageSnapshots(table).createBranch("b", 1n).replaceBranch("dev", 3n),
    );
    expect(behind.refs.dev.snapshotId).toBe(3n);
    const forwarded = commit(behind, new ManageSnapshots(behind).fastForwardBranch("b", "main"));
    expect(forwarded.refs.b.snapshotId).toBe(3n);
  });

  // biome-ignore format: one case a line
  const refused: [string, (m: ManageSnapshots) => ManageSnapshots, string][] = [
    ["a tag that exists", (m) => m.createTag("v1", 2n), "Ref v1 already exists"],
    ["a tag at an unknown snapshot", (m) => m.createTag("t", 99n), "Snapshot 99 does not exist"],
    ["replacing a branch as a tag", (m) => m.replaceTag("dev", 1n), "Ref dev is a branch, not a tag"],
    ["removing a missing tag", (m) => m.removeTag("nope"), "Tag nope does not exist"],
    ["removing a tag as a branch", (m) => m.removeBranch("v1"), "Ref v1 is a tag, not a branch"],
    ["removing main", (m) => m.removeBranch("main"), "Cannot remove the main branch"],
    ["renaming main", (m) => m.renameBranch("main", "trunk"), "Cannot rename the main branch"],
    ["renaming onto a ref", (m) => m.renameBranch("dev", "v1"), "Ref v1 already exists"],
    ["a fast-forward that is not one", (m) => m.fastForwardBranch("dev", "main"), "Cannot fast-forward: dev is not an ancestor of main"],
    ["branch retention on a tag", (m) => m.setMinSnapshotsToKeep("v1", 2), "Ref v1 is a tag, not a branch"],
    ["a zero retention", (m) => m.setMaxSnapshotAgeMs("dev", 0), "maxSnapshotAgeMs must be a positive integer, not 0"],
    ["a branch of an empty table", () => new ManageSnapshots(sampleTable()).createBranch("b"), "Cannot create branch b: the table has no current snapshot"],
  ];
  it.each(refused)("refuses %s", (_, build, message) => {
    const act = () => build(new ManageSnapshots(table)).commit();
    expect(act).toThrow(CommitValidationError);
    expect(act).toThrow(message);
  });
});

describe("rollback and the current snapshot", () => {
  it("rolls main back to an ancestor, logging the move", () => {
    const next = commit(table, new ManageSnapshots(table).rollbackTo(1n));
    expect(next.currentSnapshotId).toBe(1n);
    expect(next.snapshotLog.at(-1)).toEqual({ snapshotId: 1n, timestampMs: NOW });
    expect(next.snapshots).toHaveLength(4);
  });

  it("rolls another branch back", () => {
    const next = commit(table, new ManageSnapshots(table).rollbackTo(2n, { branch: "dev" }));
    expect(refsOf(next)).toMatchObject({ main: "branch@3", dev: "branch@2" });
  });

  it("refuses a snapshot that is not an ancestor unless allowed", () => {
    expect(() => new ManageSnapshots(table).rollbackTo(4n)).toThrow(
      "Cannot roll back main to snapshot 4: it is not an ancestor of the branch (at 3)",
    );
    expect(
      commit(table, new ManageSnapshots(table).rollbackTo(4n, { allowNonAncestor: true }))
        .currentSnapshotId,
    ).toBe(4n);
    expect(commit(table, new ManageSnapshots(table).setCurrentSnapshot(4n)).currentSnapshotId).toBe(
      4n,
    );
  });

  it("rolls back to the newest ancestor older than a time", () => {
    const at2 = table.snapshots.find((s) => s.snapshotId === 2n)?.timestampMs ?? 0;
    expect(
      commit(table, new ManageSnapshots(table).rollbackToTime(at2 + 1)).currentSnapshotId,
    ).toBe(2n);
    expect(commit(table, new ManageSnapshots(table).rollbackToTime(at2)).currentSnapshotId).toBe(
      1n,
    );
    expect(() => new ManageSnapshots(table).rollbackToTime(T0)).toThrow(
      "Cannot roll back main: no snapshot of it is older than",
    );
  });

  it("fails against a table whose main moved since", () => {
    const rollback = new ManageSnapshots(table).rollbackTo(2n).commit();
    const moved = appendChain(table, [5n]);
    expect(() => checkRequirements(moved, rollback.requirements)).toThrow(CommitConflictError);
    expect(() => checkRequirements(moved, rollback.requirements)).toThrow(
      "branch main has moved: expected snapshot 3, found 5",
    );
  });
});
