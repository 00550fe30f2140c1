import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/access";
import { eq } from "@/lib/iceberg/expr";
import { findLatestMetadata } from "@/lib/iceberg/scan";
import type { Schema } from "@/lib/iceberg/spec";
import { icebergFixture } from "@/lib/iceberg/spec/test-fixtures";
import { testCatalog, type TestCatalog } from "@/tests/support/catalog";
import {
  alterPartitioning,
  alterSchema,
  appendRows,
  createCatalog,
  createNamespace,
  createTable,
  deleteRows,
  expireSnapshots,
  loadTable,
  manageSnapshots,
  registerTable,
  scanTable,
  setTableProperties,
} from "./index";

let t: TestCatalog;
beforeAll(async () => {
  t = await testCatalog();
});
afterAll(() => t.close());

const ident = (name: string) => ({ catalog: "lake", namespace: ["db"], name });
const schema: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "id", type: "int", required: true },
    { id: 2, name: "nm", type: "string", required: false },
    { id: 3, name: "ts", type: "timestamp", required: false },
  ],
};

async function rows(name: string, input: Parameters<typeof scanTable>[2] = {}, order = "1") {
  const { sql } = await scanTable(t.ctx, ident(name), input);
  return t.rows(`SELECT * FROM ${sql} s ORDER BY ${order}`);
}

describe("schema evolution", () => {
  it("adds, renames and widens columns; old files read under the new schema", async () => {
    await createTable(t.ctx, ident("people"), { schema });
    await appendRows(t.ctx, ident("people"), t.duck, "SELECT 1 AS id, 'ada' AS nm, TIMESTAMP '2024-01-01 10:00:00' AS ts");
    await alterSchema(t.ctx, ident("people"), (s) => s.renameColumn("nm", "name").updateColumn("id", "long").addColumn("email", "string"));
    await appendRows(t.ctx, ident("people"), t.duck, "SELECT 2 AS id, 'grace' AS name, NULL::TIMESTAMP AS ts, 'g@x.io' AS email");
    expect(await rows("people")).toEqual([
      { id: "1", name: "ada", ts: "2024-01-01 10:00:00", email: null },
      { id: "2", name: "grace", ts: null, email: "g@x.io" },
    ]);
    const { metadata } = await loadTable(t.ctx, ident("people"));
    expect(metadata.schemas).toHaveLength(2);
    // The first snapshot still reads with the schema it was written with.
    const first = metadata.snapshots[0].snapshotId;
    expect(await rows("people", { snapshot: { type: "snapshot-id", snapshotId: first } })).toEqual([{ id: 1, nm: "ada", ts: "2024-01-01 10:00:00" }]);
  });

  it("refuses changes the spec forbids, with a clear message, changing nothing", async () => {
    const before = (await loadTable(t.ctx, ident("people"))).metadataLocation;
    await expect(alterSchema(t.ctx, ident("people"), (s) => s.updateColumn("name", "int"))).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("Cannot change db.people") });
    await expect(alterSchema(t.ctx, ident("people"), (s) => s.addColumn("email", "string"))).rejects.toMatchObject({ code: "bad_request" });
    expect((await loadTable(t.ctx, ident("people"))).metadataLocation).toBe(before);
  });
});

describe("partition evolution", () => {
  it("partitions new data by day while old files stay as they were, and prunes by both", async () => {
    await alterPartitioning(t.ctx, ident("people"), (p) => p.addField("ts", "day"));
    await appendRows(t.ctx, ident("people"), t.duck, "SELECT 3 AS id, 'alan' AS name, TIMESTAMP '2024-03-05 08:00:00' AS ts, NULL AS email UNION ALL SELECT 4, 'barbara', TIMESTAMP '2024-03-06 09:00:00', NULL");
    const { metadata } = await loadTable(t.ctx, ident("people"));
    expect(metadata.partitionSpecs.map((s) => s.fields.map((f) => f.name))).toEqual([[], ["ts_day"]]);
    const scan = await scanTable(t.ctx, ident("people"), { filter: eq("ts", "2024-03-05T08:00:00") });
    expect(scan.plan.tasks.length).toBeLessThan((await scanTable(t.ctx, ident("people"))).plan.tasks.length);
    expect((await rows("people")).map((r) => r.name)).toEqual(["ada", "grace", "alan", "barbara"]);
  });
});

describe("tags, branches, rollback and properties", () => {
  it("reads a tag, rolls back to an ancestor and refuses a stranger", async () => {
    await createTable(t.ctx, ident("history"), { schema });
    const first = await appendRows(t.ctx, ident("history"), t.duck, "SELECT 1 AS id, 'one' AS nm, NULL::TIMESTAMP AS ts");
    const firstId = first.metadata.currentSnapshotId!;
    await manageSnapshots(t.ctx, ident("history"), (m) => m.createTag("v1", firstId).createBranch("audit", firstId));
    await appendRows(t.ctx, ident("history"), t.duck, "SELECT 2 AS id, 'two' AS nm, NULL::TIMESTAMP AS ts");
    expect((await rows("history")).length).toBe(2);
    expect(await rows("history", { snapshot: { type: "ref", name: "v1" } })).toEqual([{ id: 1, nm: "one", ts: null }]);
    await manageSnapshots(t.ctx, ident("history"), (m) => m.rollbackTo(firstId));
    expect(await rows("history")).toEqual([{ id: 1, nm: "one", ts: null }]);
    await expect(manageSnapshots(t.ctx, ident("history"), (m) => m.rollbackTo(12345n))).rejects.toMatchObject({ code: "bad_request" });
    await setTableProperties(t.ctx, ident("history"), { updates: { owner_team: "data" } });
    expect((await loadTable(t.ctx, ident("history"))).metadata.properties.owner_team).toBe("data");
  });
});

describe("snapshot expiry", () => {
  it("removes old snapshots and the files only they reached; current rows stay", async () => {
    await createTable(t.ctx, ident("churn"), { schema });
    for (let i = 0; i < 4; i++) await appendRows(t.ctx, ident("churn"), t.duck, `SELECT ${i} AS id, 'r${i}' AS nm, NULL::TIMESTAMP AS ts`);
    await deleteRows(t.ctx, ident("churn"), t.duck, eq("id", 0));
    const table = await loadTable(t.ctx, ident("churn"));
    const dataDir = path.join(table.metadata.location, "data");
    const filesBefore = readdirSync(dataDir).length;
    const expired = await expireSnapshots(t.ctx, ident("churn"), { olderThanMs: Date.now() + 1, retainLast: 1 });
    expect(expired.expiredSnapshots).toBe(4);
    expect(expired.deletedFiles).toBeGreaterThan(0);
    const after = await loadTable(t.ctx, ident("churn"));
    expect(after.metadata.snapshots).toHaveLength(1);
    expect((await rows("churn")).map((r) => r.id)).toEqual([1, 2, 3]);
    expect(readdirSync(dataDir).length).toBeLessThanOrEqual(filesBefore);
    const gone = table.metadata.snapshots[0].snapshotId;
    await expect(scanTable(t.ctx, ident("churn"), { snapshot: { type: "snapshot-id", snapshotId: gone } })).rejects.toThrow(/snapshot/i);
  });
});

describe("tables registered in place", () => {
  it("reads a Spark-written v2 table with position deletes, from its own folder, as Spark does", async () => {
    const folder = icebergFixture("tables/spark-v1-v2/data/iceberg/generated_spec2_0_001/pyspark_iceberg_table");
    await createCatalog(t.db, SYSTEM, { name: "external", kind: "lake" });
    await createNamespace(t.db, SYSTEM, { catalog: "external", namespace: ["spark"] });
    const metadataLocation = await findLatestMetadata(t.ctx.io, folder);
    const spark = { catalog: "external", namespace: ["spark"], name: "generated_v2" };
    await registerTable(t.ctx, spark, metadataLocation);
    const { sql } = await scanTable(t.ctx, spark);
    expect((await t.rows(`SELECT count(*) AS n FROM ${sql} s`))[0].n).toBe("6592");
  });
});
