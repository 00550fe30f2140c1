/**
 * Rebuilding a commit after a concurrent one: data files written once are reused, only
 * manifests and the list are redone on the new head; row-level operations refuse
 * (retryable: false) when the concurrent commit invalidated what they read.
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, lt } from "../expr";
import { readManifestList } from "../manifest";
import { snapshotForRef } from "../spec";
import { prepareAppend, prepareDelete, WriteConflictError } from "./index";
import { newSnapshotId } from "./snapshot/ids";
import { applyCommit, CommitConflictError } from "./testing/apply-commit";
import { type Engine, openEngine, tempFolder } from "./testing/duckdb";
import { TestTable } from "./testing/harness";
import { BY_REGION, ORDERS_SCHEMA, ORDERS_SQL } from "./testing/orders";

let engine: Engine;
const folders: { remove(): void }[] = [];
beforeAll(async () => {
  engine = await openEngine();
  await engine.connection.run(`CREATE TEMP TABLE orders AS ${ORDERS_SQL}`);
});
afterAll(() => {
  engine.close();
  for (const f of folders) f.remove();
});

async function ordersTable(properties: Record<string, string> = {}) {
  const tmp = tempFolder();
  folders.push(tmp);
  const table = new TestTable(engine.connection, {
    folder: tmp.dir,
    schema: ORDERS_SCHEMA,
    partitionFields: BY_REGION,
    properties,
  });
  await table.commit(await prepareAppend({ ...table.target(), sourceSql: "SELECT * FROM orders" }));
  return table;
}

const MORE =
  "SELECT 1000 + range AS id, 'north' AS region, 5.0 AS amount, 'more' AS note FROM range(10)";

describe("append retry", () => {
  it("reuses the data files and the manifest of added files on the new head", async () => {
    const table = await ordersTable();
    const base = table.metadata;
    const ours = await prepareAppend({ ...table.target(), sourceSql: MORE });
    const theirs = await prepareAppend({
      ...table.target(),
      sourceSql: "SELECT 2000 AS id, 'x' AS region, 1.0 AS amount, 'y' AS note",
    });
    const lost = await ours.buildCommit(base);
    await table.commit(theirs); // the concurrent writer wins
    expect(() => applyCommit(table.metadata, lost)).toThrow(CommitConflictError);
    const firstList = (lost.updates[0] as { snapshot: { manifestList: string } }).snapshot
      .manifestList;
    await table.commit(ours); // builds again against the fresh metadata
    const head = snapshotForRef(table.metadata)!;
    expect(head.snapshotId).toBe(ours.snapshotId);
    expect(head.parentSnapshotId).toBe(theirs.snapshotId);
    expect(head.sequenceNumber).toBe(3);
    expect(head.manifestList).toMatch(/\/metadata\/snap-\d+-2-[0-9a-f-]+\.avro$/);
    expect(existsSync(table.io.localPath(firstList))).toBe(false); // cleaned: lost attempt
    const manifests = readManifestList(await table.io.read(head.manifestList!), 2).manifests;
    expect(manifests.map((m) => m.addedSnapshotId)).toEqual([
      ours.snapshotId,
      theirs.snapshotId,
      base.currentSnapshotId,
    ]);
    expect(await table.count()).toBe(411);
    for (const file of ours.files) expect(existsSync(table.io.localPath(file))).toBe(true);
  });

  it("cleanup without a commit deletes everything it wrote", async () => {
    const table = await ordersTable();
    const ours = await prepareAppend({ ...table.target(), sourceSql: MORE });
    const commit = await ours.buildCommit(table.metadata);
    const list = (commit.updates[0] as { snapshot: { manifestList: string } }).snapshot
      .manifestList;
    await ours.cleanup();
    for (const file of [...ours.files, list])
      expect(existsSync(table.io.localPath(file))).toBe(false);
  });
});

describe("row-level retry", () => {
  it("a delete goes through after an append it does not conflict with", async () => {
    const table = await ordersTable();
    const del = await prepareDelete({ ...table.target(), filter: eq("region", "south") });
    await table.commit(await prepareAppend({ ...table.target(), sourceSql: MORE }));
    await table.commit(del);
    const reader = await engine.connection.runAndReadAll(
      `SELECT count(*) FROM (${await table.rowsSql()}) WHERE region = 'south'`,
    );
    expect(Number(reader.getRows()[0][0])).toBe(0);
    expect(await table.count()).toBe(410 - 94);
  });

  it("serializable: new rows that may match the filter make the delete fail for good", async () => {
    const table = await ordersTable();
    const del = await prepareDelete({ ...table.target(), filter: eq("region", "north") });
    await table.commit(await prepareAppend({ ...table.target(), sourceSql: MORE }));
    const error = await del.buildCommit(table.metadata).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteConflictError);
    expect(error).toMatchObject({ retryable: false });
  });

  it("snapshot isolation lets the same delete through", async () => {
    const table = await ordersTable({ "write.delete.isolation-level": "snapshot" });
    const del = await prepareDelete({ ...table.target(), filter: eq("region", "north") });
    await table.commit(await prepareAppend({ ...table.target(), sourceSql: MORE }));
    await table.commit(del);
    expect(await table.count()).toBe(410 - 94); // the new north rows stay: the delete never saw them
  });

  it("a file removed by a concurrent delete fails the rebuild", async () => {
    const table = await ordersTable();
    const ours = await prepareDelete({ ...table.target(), filter: eq("region", "east") });
    await table.commit(await prepareDelete({ ...table.target(), filter: eq("region", "east") }));
    await expect(ours.buildCommit(table.metadata)).rejects.toMatchObject({ retryable: false });
  });

  it("copy-on-write fails when a concurrent commit deleted rows of a file it rewrites", async () => {
    const table = await ordersTable({ "write.delete.mode": "copy-on-write" });
    const ours = await prepareDelete({ ...table.target(), filter: lt("amount", 10) });
    table.metadata = { ...table.metadata, properties: {} }; // the other writer uses merge-on-read
    await table.commit(await prepareDelete({ ...table.target(), filter: lt("amount", 20) }));
    await expect(ours.buildCommit(table.metadata)).rejects.toMatchObject({ retryable: false });
  });
});

describe("snapshot ids", () => {
  it("are positive and below 2^53", async () => {
    const table = await ordersTable();
    for (let i = 0; i < 2000; i++) {
      const id = newSnapshotId(table.metadata);
      expect(id > 0n && id < 2n ** 53n).toBe(true);
    }
  });
});
