import { afterAll, beforeAll, expect, it } from "vitest";
import { type TestCatalog, testCatalog } from "@/tests/support/catalog";
import { type Harness, harness } from "./testing/harness";

// Statements on a table with no snapshot yet, and statements that change nothing.
let t: TestCatalog;
let h: Harness;
beforeAll(async () => {
  t = await testCatalog();
  h = harness(t);
  await h.run("CREATE TABLE empty (id BIGINT, name VARCHAR)");
});
afterAll(() => t.close());

it("works on a table with no snapshot yet", async () => {
  expect((await h.run("DELETE FROM empty WHERE id = 1")).rowsAffected).toBe(0);
  expect((await h.run("UPDATE empty SET name = 'x'")).rowsAffected).toBe(0);
  expect((await h.run("TRUNCATE empty")).rowsAffected).toBe(0);
  expect((await h.run("DELETE FROM empty")).rowsAffected).toBe(0);
  const merged = await h.run("MERGE INTO empty e USING (SELECT 1 AS id, 'a' AS name) s ON e.id = s.id WHEN MATCHED THEN DELETE WHEN NOT MATCHED THEN INSERT *");
  expect(merged.rowsAffected).toBe(1);
  expect(await h.query("SELECT id, name FROM empty")).toEqual([{ id: "1", name: "a" }]);
  const again = await h.run("MERGE INTO empty e USING (SELECT 1 AS id, 'a' AS name) s ON e.id = s.id WHEN NOT MATCHED THEN INSERT *");
  expect(again).toEqual({ message: "Merged into lake.db.empty: 0 rows inserted, 0 rows updated, 0 rows deleted.", rowsAffected: 0 });
  expect((await h.run("CREATE TABLE none AS SELECT * FROM empty WHERE id < 0")).message).toBe("Created table lake.db.none with 0 rows.");
  expect(await h.query("SELECT count(*) AS n FROM none")).toEqual([{ n: "0" }]);
});
