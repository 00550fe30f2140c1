/**
 * The Spark-written v1 and v2 tables (7 snapshots each, schema evolution, merge-on-read
 * position deletes in v2): the current snapshot must equal what Spark itself read, row
 * for row, and every snapshot must hold the number of rows its summary implies.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { icebergFixturesDir } from "../spec/test-fixtures";
import { openTable } from "./load-table";
import { planTableScan } from "./plan-scan";
import { scanToSql } from "./sql/scan-sql";
import { duckDBPerFile, fixtureTable, io, planFixture, scalar } from "./testing/engine";

const duck = duckDBPerFile();

function sparkResult(version: string) {
  const folder = path.join(
    icebergFixturesDir(),
    `expected/spark-v1-v2/generated_spec${version}_0_001/expected_results/last`,
  );
  const count = Number(readFileSync(path.join(folder, "count.csv"), "utf8").trim().split("\n")[1]);
  return { count, parquet: path.join(folder, "data/*.parquet").replaceAll("'", "''") };
}

describe.each(["1", "2"])("Spark format v%s table", (version) => {
  it("reads Spark's final result, row for row (EXCEPT ALL both ways)", async () => {
    const { sql } = await planFixture(`spark/${version}`);
    const spark = sparkResult(version);
    const db = duck.connection();
    expect(Number(await scalar(db, `SELECT count(*) FROM ${sql} t`))).toBe(spark.count);
    const theirs = `SELECT * FROM read_parquet('${spark.parquet}')`;
    const ours = `SELECT * FROM ${sql} t`;
    expect(Number(await scalar(db, `SELECT count(*) FROM (${ours} EXCEPT ALL ${theirs})`))).toBe(0);
    expect(Number(await scalar(db, `SELECT count(*) FROM (${theirs} EXCEPT ALL ${ours})`))).toBe(0);
  });

  it("has the same columns, in the same order, as Spark's result", async () => {
    const { sql } = await planFixture(`spark/${version}`);
    const db = duck.connection();
    const names = async (relation: string) =>
      (await db.runAndReadAll(`SELECT * FROM ${relation} LIMIT 0`)).columnNames();
    const spark = `read_parquet('${sparkResult(version).parquet}')`;
    expect(await names(`${sql} t`)).toEqual(await names(spark));
  });

  it("reads every snapshot with the rows its summary implies", async () => {
    const table = await openTable(io, fixtureTable(`spark/${version}`));
    const db = duck.connection();
    for (const snapshot of table.metadata.snapshots) {
      const plan = await planTableScan(table, {
        snapshot: { type: "snapshot-id", snapshotId: snapshot.snapshotId },
      });
      const rows = Number(await scalar(db, `SELECT count(*) FROM ${scanToSql(plan)} t`));
      // Spark's position deletes each remove one live row, so the snapshot's rows are its
      // records minus its deletes.
      const summary = snapshot.summary;
      const expected =
        Number(summary["total-records"]) -
        Number(summary["total-position-deletes"] ?? 0) -
        Number(summary["total-equality-deletes"] ?? 0);
      expect({ snapshot: snapshot.snapshotId, rows }).toEqual({
        snapshot: snapshot.snapshotId,
        rows: expected,
      });
      expect(plan.stats.records).toBe(Number(summary["total-records"]));
    }
  });

  it("time-travels with the snapshot's schema: the added column is absent before it was added", async () => {
    const table = await openTable(io, fixtureTable(`spark/${version}`));
    const first = table.metadata.snapshots[0];
    const old = await planTableScan(table, {
      snapshot: { type: "snapshot-id", snapshotId: first.snapshotId },
    });
    const current = await planTableScan(table);
    expect(old.columns.map((c) => c.name)).not.toContain("schema_evol_added_col_1");
    expect(current.columns.map((c) => c.name)).toContain("schema_evol_added_col_1");
  });
});
