import { afterAll, beforeAll, expect, it } from "vitest";
import { type TestCatalog, testCatalog } from "@/tests/support/catalog";
import { type Harness, harness } from "./testing/harness";

// DELETE and UPDATE prune files by the WHERE's simple conjuncts (run/pruning.ts) and
// rewrite only those; each statement here runs through Tarn on a table of several files
// (merge-on-read and copy-on-write) and through plain DuckDB on a copy: same rows after.
// MERGE is compared with DuckDB's own MERGE INTO.
let t: TestCatalog;
let h: Harness;
beforeAll(async () => {
  t = await testCatalog();
  h = harness(t, { params: { lo: 30, name: "b" } });
  await t.duck.run("CREATE TABLE ref (id BIGINT, s VARCHAR, ok BOOLEAN, v DOUBLE)");
  await t.duck.run(`CREATE TABLE src_ref AS ${SOURCE}`);
});
afterAll(() => t.close());

const BATCHES = [
  "SELECT range AS id, chr(97 + (range % 5)::INT) AS s, range % 3 = 0 AS ok, range / 4 AS v FROM range(0, 40)",
  "SELECT range AS id, NULL AS s, NULL AS ok, NULL AS v FROM range(40, 45)",
  "SELECT range AS id, chr(97 + (range % 5)::INT) AS s, range % 2 = 0 AS ok, CASE WHEN range = 60 THEN 'NaN'::DOUBLE ELSE range END AS v FROM range(45, 80)",
  "SELECT NULL AS id, 'z' AS s, TRUE AS ok, 1 AS v FROM range(3)",
];

const SOURCE = "SELECT range * 7 AS id, CASE WHEN range % 4 = 0 THEN NULL ELSE 'src' || range END AS s FROM range(0, 14)";

const STATEMENTS = [
  "DELETE FROM {t} WHERE id = 3",
  "DELETE FROM {t} WHERE id >= 70 AND s = 'a'",
  "UPDATE {t} SET v = v * 10, s = upper(s) WHERE id < 12 AND ok",
  "DELETE FROM {t} WHERE s IN ('b', 'c') AND v > 15",
  "UPDATE {t} SET ok = NOT ok WHERE id IS NULL",
  "DELETE FROM {t} WHERE id IS NOT NULL AND s IS NULL AND id = 41",
  "UPDATE {t} SET s = 'q' WHERE v > 50",
  "DELETE FROM {t} WHERE id >= :lo AND s = :name",
  "UPDATE {t} SET id = id + 1000 WHERE ok = FALSE AND 20 > id",
  "DELETE FROM {t} WHERE id = 10 OR s = 'd'",
  "MERGE INTO {t} AS x USING {src} AS y ON x.id = y.id WHEN MATCHED AND y.s IS NULL THEN DELETE WHEN MATCHED THEN UPDATE SET s = y.s, v = x.v + 1 WHEN NOT MATCHED THEN INSERT (id, s, ok) VALUES (y.id, y.s, TRUE)",
  "MERGE INTO {t} AS x USING (SELECT id, 'm' AS s FROM {src} WHERE id > 50) AS y ON x.id = y.id WHEN NOT MATCHED THEN INSERT (id, s) VALUES (y.id + 500, y.s)",
  "MERGE INTO {t} AS x USING (SELECT DISTINCT s, 'k' || s AS label FROM {src} WHERE s IS NOT NULL) AS y ON x.s = y.s WHEN MATCHED THEN UPDATE SET v = -1, s = y.label",
  "MERGE INTO {t} AS x USING {src} AS y ON x.id = y.id - 0 AND x.ok WHEN MATCHED THEN DELETE",
];

const bound = (sql: string) => sql.replaceAll(":lo", "30").replaceAll(":name", "'b'");

async function contents(): Promise<[unknown[], unknown[]]> {
  const order = "ORDER BY id NULLS FIRST, s NULLS FIRST, ok NULLS FIRST, v NULLS FIRST";
  return [await h.query(`SELECT id, s, ok, v FROM t ${order}`), await t.rows(`SELECT id, s, ok, v FROM ref ${order}`)];
}

it.each([
  ["merge-on-read", "", "2"],
  ["merge-on-read", " PARTITIONED BY (bucket(3, id), s)", "2"],
  ["copy-on-write", "", "1"],
])("DELETE, UPDATE and MERGE give DuckDB's rows (%s%s, format v%s)", async (mode, partitioning, version) => {
  await h.run(`CREATE TABLE t (id BIGINT, s VARCHAR, ok BOOLEAN, v DOUBLE)${partitioning} WITH ('write.delete.mode' = '${mode}', 'write.update.mode' = '${mode}', 'format-version' = '${version}')`);
  await t.duck.run("DELETE FROM ref");
  await h.run("CREATE TABLE src (id BIGINT, s VARCHAR)");
  await h.run(`INSERT INTO src ${SOURCE}`);
  for (const batch of BATCHES) {
    await h.run(`INSERT INTO t ${batch}`);
    await t.duck.run(`INSERT INTO ref ${batch}`);
  }
  for (const statement of STATEMENTS) {
    const ours = await h.run(statement.replace("{t}", "t").replace("{src}", "src"));
    const reference = await t.duck.runAndReadAll(`${bound(statement.replace("{t}", "ref").replace("{src}", "src_ref"))} RETURNING 1`);
    expect(ours.rowsAffected, statement).toBe(reference.getRows().length);
    const [got, want] = await contents();
    expect(got, statement).toEqual(want);
  }
  await h.run("DROP TABLE t PURGE");
  await h.run("DROP TABLE src PURGE");
});
