/**
 * Every fixture table (DuckDB-iceberg's persistent tables, the Spark v1/v2 tables), every
 * snapshot: the default scan, which reads some groups of files by name, yields exactly
 * the rows of a scan that reads every file by field id — or fails the same way.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { icebergFixturesDir } from "../spec/test-fixtures";
import { openTable } from "./load-table";
import { planTableScan } from "./plan-scan";
import type { ReadMode } from "./sql/file-read";
import { scanReadModes, scanToSql } from "./sql/scan-sql";
import { duckDBPerFile, fixtureTable, io, scalar } from "./testing/engine";

const duck = duckDBPerFile();

/** Folders holding a `metadata` folder, under the persistent fixtures; then the Spark tables. */
function fixtureTables(): string[] {
  const root = path.join(icebergFixturesDir(), "tables/persistent/data/persistent");
  const folders = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name === "metadata")
    .map((entry) => entry.parentPath)
    .sort();
  return [...folders, fixtureTable("spark/1"), fixtureTable("spark/2")];
}

async function outcome(sql: string): Promise<string> {
  try {
    return `rows ${await scalar(duck.connection(), `SELECT count(*) FROM ${sql} t`)}`;
  } catch (error) {
    return `error ${(error as Error).message.split("\n")[0]}`;
  }
}

async function difference(a: string, b: string): Promise<number> {
  const except = (x: string, y: string) => `(SELECT * FROM ${x} t EXCEPT ALL SELECT * FROM ${y} t)`;
  const sql = `SELECT count(*) FROM (${except(a, b)} UNION ALL ${except(b, a)})`;
  return Number(await scalar(duck.connection(), sql));
}

/** Per table, per snapshot: the read modes used; planning failures are left out. */
async function readEverySnapshot(folder: string): Promise<Map<bigint, ReadMode[]>> {
  const modes = new Map<bigint, ReadMode[]>();
  const table = await openTable(io, folder).catch(() => undefined);
  for (const { snapshotId } of table?.metadata.snapshots ?? []) {
    const plan = await planTableScan(table!, {
      snapshot: { type: "snapshot-id", snapshotId },
      allowBareDeletionVectors: true,
    }).catch(() => undefined);
    if (!plan) continue;
    const byName = scanToSql(plan);
    const byId = scanToSql(plan, { fieldIdsOnly: true });
    const [a, b] = [await outcome(byName), await outcome(byId)];
    expect({ folder, snapshotId, outcome: a }).toEqual({ folder, snapshotId, outcome: b });
    if (a.startsWith("rows")) expect(await difference(byName, byId)).toBe(0);
    modes.set(snapshotId, scanReadModes(plan));
  }
  return modes;
}

describe("fixture tables read by name where proven, by field id otherwise", () => {
  it("yield the same rows both ways, snapshot by snapshot", async () => {
    const all = new Map<string, Map<bigint, ReadMode[]>>();
    for (const folder of fixtureTables()) all.set(folder, await readEverySnapshot(folder));
    const byName = [...all.values()].flatMap((snapshots) =>
      [...snapshots.values()].filter((modes) => modes.includes("union-by-name")),
    );
    // Not vacuous: most fixture snapshots take the name read somewhere.
    expect(byName.length).toBeGreaterThan(30);
  }, 120_000);

  it("Spark v1: by field id (files written while the table was v1)", async () => {
    const modes = await readEverySnapshot(fixtureTable("spark/1"));
    expect(new Set([...modes.values()].flat())).toEqual(new Set(["field-id"]));
  });

  it("Spark v2: by field id once it has the column later promoted int → long, by name before", async () => {
    const table = await openTable(io, fixtureTable("spark/2"));
    const modes = await readEverySnapshot(fixtureTable("spark/2"));
    const current = table.metadata.currentSnapshotId!;
    expect(modes.get(current)).toEqual(["field-id"]);
    modes.delete(current);
    expect(new Set([...modes.values()].flat())).toEqual(new Set(["union-by-name"]));
  });
});
