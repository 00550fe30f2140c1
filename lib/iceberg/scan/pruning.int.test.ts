/**
 * Pruning: a filter skips manifests and files that cannot hold a match — by partition
 * values and by column metrics — and never changes the rows: the pruned scan filtered in
 * DuckDB equals the full scan filtered in DuckDB.
 */
import { describe, expect, it } from "vitest";
import { and, eq, gtEq, isNull, notNull, type UnboundExpr } from "../expr";
import { duckDBPerFile, planFixture, scalar } from "./testing/engine";

const duck = duckDBPerFile();

interface Case {
  name: string;
  table: string;
  filter: UnboundExpr;
  where: string;
  /** Files the full scan plans, and the pruned one. */
  files: [number, number];
  /** Rows in the files pruning skipped (DuckDB-iceberg's logs show the same numbers). */
  recordsSkipped?: number;
}

const cases: Case[] = [
  {
    name: "identity partition column",
    table: "hive_partitioned_table",
    filter: eq("event_date", "2024-01-03"),
    where: "event_date = DATE '2024-01-03'",
    files: [6, 2],
  },
  {
    name: "a column partitioned only after the spec evolved (metrics for older files)",
    table: "hive_partitioned_table",
    filter: eq("event_type", "click"),
    where: "event_type = 'click'",
    files: [6, 2],
  },
  {
    name: "non-partition column, by bounds",
    table: "is_null_is_not_null",
    filter: gtEq("id", 7),
    where: "id >= 7",
    files: [3, 1],
  },
  {
    name: "IS NULL, by null counts",
    table: "is_null_is_not_null",
    filter: isNull("value"),
    where: "value IS NULL",
    files: [3, 2],
    recordsSkipped: 3,
  },
  {
    name: "IS NOT NULL, by null counts",
    table: "is_null_is_not_null",
    filter: notNull("value"),
    where: "value IS NOT NULL",
    files: [3, 2],
    recordsSkipped: 3,
  },
  {
    name: "uuid equality, by bounds",
    table: "uuid",
    filter: eq("uuid", "1571effb-facd-42a3-90e9-0af522e9b6c2"),
    where: "uuid = '1571effb-facd-42a3-90e9-0af522e9b6c2'",
    files: [2, 1],
    recordsSkipped: 5,
  },
  {
    name: "partition and data columns together, with equality deletes",
    table: "equality_deletes/warehouse/mydb/mytable_partitioned",
    filter: and(eq("name", "d"), gtEq("id", 1)),
    where: "name = 'd' AND id >= 1",
    files: [6, 1],
  },
];

describe.each(cases)("pruning on $name ($table)", (c) => {
  it("plans fewer files", async () => {
    const full = await planFixture(c.table);
    const pruned = await planFixture(c.table, { filter: c.filter });
    expect([full.plan.tasks.length, pruned.plan.tasks.length]).toEqual(c.files);
    const { dataFiles, dataFilesSkipped } = pruned.plan.stats; // files of manifests read
    expect(dataFiles - dataFilesSkipped).toBe(c.files[1]);
    if (c.recordsSkipped !== undefined)
      expect(pruned.plan.stats.recordsSkipped).toBe(c.recordsSkipped);
  });

  it("returns the rows of the full scan that match", async () => {
    const full = await planFixture(c.table);
    const pruned = await planFixture(c.table, { filter: c.filter });
    const db = duck.connection();
    const a = `SELECT * FROM ${full.sql} t WHERE ${c.where}`;
    const b = `SELECT * FROM ${pruned.sql} t WHERE ${c.where}`;
    expect(Number(await scalar(db, `SELECT count(*) FROM (${a})`))).toBeGreaterThan(0);
    expect(Number(await scalar(db, `SELECT count(*) FROM (${a} EXCEPT ALL ${b})`))).toBe(0);
    expect(Number(await scalar(db, `SELECT count(*) FROM (${b} EXCEPT ALL ${a})`))).toBe(0);
  });
});

describe("manifest pruning", () => {
  it("skips a manifest whose partition summaries exclude the filter", async () => {
    const { plan } = await planFixture("hive_partitioned_table", {
      filter: eq("event_date", "2024-01-01"),
    });
    expect(plan.stats.manifests).toBe(2);
    expect(plan.stats.manifestsSkipped).toBe(1);
  });
});
