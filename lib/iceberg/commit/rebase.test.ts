import { describe, expect, it } from "vitest";
import type { TableMetadata } from "../spec";
import { applyUpdates } from "./apply";
import { CommitConflictError } from "./errors";
import { rebaseSnapshotCommit, rebaseSnapshotUpdates } from "./rebase";
import { checkRequirements } from "./requirements";
import { appendChain, expectWritable, sampleTable, snapshot, T0 } from "./test-support";
import type { TableCommit } from "./types";

const NOW = T0 + 1_000_000;
const base = appendChain(sampleTable(), [1n, 2n]);

/** An append of `id` prepared against `meta`, as the writer builds it. */
function appendOf(
  meta: TableMetadata,
  id: bigint,
  operation: "append" | "overwrite" = "append",
): TableCommit {
  const head = meta.refs.main?.snapshotId ?? null;
  const snap = snapshot(id, {
    parent: head ?? undefined,
    seq: meta.lastSequenceNumber + 1,
    operation,
  });
  return {
    requirements: [
      { type: "assert-table-uuid", uuid: meta.tableUuid },
      { type: "assert-ref-snapshot-id", ref: "main", snapshotId: head },
    ],
    updates: [
      { action: "add-snapshot", snapshot: snap },
      { action: "set-snapshot-ref", refName: "main", snapshotId: id, type: "branch" },
    ],
  };
}

describe("retrying a commit on fresh metadata", () => {
  it("re-applies as is when its requirements still hold", () => {
    const props: TableCommit = {
      requirements: [{ type: "assert-table-uuid", uuid: base.tableUuid }],
      updates: [{ action: "set-properties", updates: { k: "v" } }],
    };
    const fresh = appendChain(base, [3n]);
    checkRequirements(fresh, props.requirements);
    const next = applyUpdates(fresh, props.updates, { now: NOW });
    expect(next.properties.k).toBe("v");
    expect(next.currentSnapshotId).toBe(3n);
  });

  it("rebases an append onto an append that landed first", () => {
    const mine = appendOf(base, 10n);
    const fresh = appendChain(base, [9n]);
    expect(() => checkRequirements(fresh, mine.requirements)).toThrow(CommitConflictError);

    const rebased = rebaseSnapshotCommit(mine, fresh);
    checkRequirements(fresh, rebased.requirements);
    expect(rebased.requirements[1]).toEqual({
      type: "assert-ref-snapshot-id",
      ref: "main",
      snapshotId: 9n,
    });
    const next = applyUpdates(fresh, rebased.updates, { now: NOW });
    expectWritable(next);
    expect(next.snapshots.at(-1)).toMatchObject({
      snapshotId: 10n,
      parentSnapshotId: 9n,
      sequenceNumber: 4,
    });
    expect(next.currentSnapshotId).toBe(10n);
    expect(mine.updates[0]).toMatchObject({
      snapshot: { parentSnapshotId: 2n, sequenceNumber: 3 },
    });
  });

  it("keeps a chain of snapshots from one commit chained", () => {
    const first = snapshot(10n, { parent: 2n, seq: 3 });
    const second = snapshot(11n, { parent: 10n, seq: 4 });
    const updates = rebaseSnapshotUpdates(
      [
        { action: "add-snapshot", snapshot: first },
        { action: "add-snapshot", snapshot: second },
        { action: "set-snapshot-ref", refName: "main", snapshotId: 11n, type: "branch" },
      ],
      appendChain(base, [9n]),
    );
    expect(
      updates.map((u) =>
        u.action === "add-snapshot"
          ? [u.snapshot.parentSnapshotId, u.snapshot.sequenceNumber]
          : u.action,
      ),
    ).toEqual([[2n, 4], [10n, 5], "set-snapshot-ref"]);
  });

  it("renumbers v3 row ids from the fresh next-row-id", () => {
    const v3 = sampleTable(3);
    const withRows = (id: bigint, first: number, parent?: bigint) => ({
      ...snapshot(id, { seq: 1, parent }),
      firstRowId: first,
      addedRows: 5,
    });
    const fresh = applyUpdates(
      v3,
      [
        { action: "add-snapshot", snapshot: withRows(9n, 0) },
        { action: "set-snapshot-ref", refName: "main", snapshotId: 9n, type: "branch" },
      ],
      { now: NOW },
    );
    const [update] = rebaseSnapshotUpdates(
      [
        { action: "add-snapshot", snapshot: withRows(10n, 0) },
        { action: "set-snapshot-ref", refName: "main", snapshotId: 10n, type: "branch" },
      ],
      fresh,
    );
    expect(update).toMatchObject({
      snapshot: { parentSnapshotId: 9n, sequenceNumber: 2, firstRowId: 5 },
    });
  });

  it("leaves v1 snapshots without sequence numbers", () => {
    const v1 = appendChain(sampleTable(1), [1n]);
    const mine = appendOf(v1, 10n);
    mine.updates[0] = { action: "add-snapshot", snapshot: snapshot(10n, { parent: 1n, seq: 0 }) };
    const fresh = appendChain(v1, [9n]);
    const rebased = rebaseSnapshotCommit(mine, fresh);
    const next = applyUpdates(fresh, rebased.updates, { now: NOW });
    expect(next.snapshots.at(-1)).toMatchObject({ parentSnapshotId: 9n, sequenceNumber: 0 });
  });

  it("refuses anything but an append", () => {
    expect(() =>
      rebaseSnapshotCommit(appendOf(base, 10n, "overwrite"), appendChain(base, [9n])),
    ).toThrow(
      'Cannot rebase snapshot 10: only appends can move onto concurrent commits, not "overwrite"',
    );
  });
});
