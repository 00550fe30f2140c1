import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listTrash, loadTable, loadView } from "@/lib/catalog";
import { type TestCatalog, testCatalog } from "@/tests/support/catalog";
import { explainError } from "../plan";
import { engineConnection } from "../exec/engine-connection";
import { planCommand } from "./index";
import { analyst, type Harness, harness, planSelect, steward } from "./testing/harness";

let t: TestCatalog;
let h: Harness;
beforeAll(async () => {
  t = await testCatalog();
  h = harness(t);
});
afterAll(() => t.close());

const ident = (name: string, namespace = ["db"]) => ({ catalog: "lake", namespace, name });
const snapshotCount = async (name: string) => (await loadTable(t.ctx, ident(name))).metadata.snapshots.length;
const currentSnapshot = async (name: string) => (await loadTable(t.ctx, ident(name))).metadata.currentSnapshotId;

/** Every file under the table's folder, to see that a failed statement leaves none behind. */
async function filesOf(name: string): Promise<string[]> {
  const location = (await loadTable(t.ctx, ident(name))).metadata.location.replace(/^file:(\/\/)?/, "");
  return readdirSync(location, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

describe("schemas", () => {
  it("creates and drops a schema, with IF [NOT] EXISTS", async () => {
    expect(await h.run("CREATE SCHEMA staging")).toEqual({ message: "Created schema lake.staging." });
    expect((await h.run("CREATE SCHEMA IF NOT EXISTS lake.staging")).message).toBe("Schema lake.staging already exists; nothing created.");
    await expect(h.run("CREATE SCHEMA staging")).rejects.toMatchObject({ code: "conflict" });
    expect((await h.run("DROP SCHEMA lake.staging")).message).toBe("Dropped schema lake.staging (it stays in the trash until purged).");
    expect((await h.run("DROP SCHEMA IF EXISTS staging")).message).toBe("Schema lake.staging does not exist; nothing dropped.");
    await expect(h.run("DROP SCHEMA staging")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("CREATE TABLE and INSERT", () => {
  it("creates a partitioned table with properties and a comment", async () => {
    const result = await h.run(
      "CREATE TABLE orders (id BIGINT NOT NULL, region VARCHAR, amount DECIMAL(10, 2), day DATE) PARTITIONED BY (region, month(day)) COMMENT 'Orders' WITH ('write.delete.mode' = 'copy-on-write')",
    );
    expect(result.message).toBe("Created table lake.db.orders.");
    const { metadata } = await loadTable(t.ctx, ident("orders"));
    expect(metadata.schemas[0].fields.map((f) => [f.id, f.name, f.type, f.required])).toEqual([
      [1, "id", "long", true],
      [2, "region", "string", false],
      [3, "amount", "decimal(10, 2)", false],
      [4, "day", "date", false],
    ]);
    expect(metadata.partitionSpecs[0].fields.map((f) => [f.name, f.transform])).toEqual([
      ["region", "identity"],
      ["day_month", "month"],
    ]);
    expect(metadata.properties).toMatchObject({ comment: "Orders", "write.delete.mode": "copy-on-write" });
    expect((await h.run("CREATE TABLE IF NOT EXISTS db.orders (x INT)")).message).toBe("lake.db.orders already exists; nothing created.");
    await expect(h.run("CREATE TABLE orders (x INT)")).rejects.toMatchObject({ code: "conflict" });
  });

  it("inserts VALUES as one append snapshot", async () => {
    const result = await h.run("INSERT INTO orders VALUES (1, 'EU', 10.5, DATE '2024-01-03'), (2, 'US', 20, DATE '2024-02-01'), (3, 'EU', 7.25, DATE '2024-02-09')");
    expect(result).toEqual({ message: "Inserted 3 rows into lake.db.orders.", rowsAffected: 3 });
    expect(await snapshotCount("orders")).toBe(1);
    expect(await h.query("SELECT id, region, amount, day FROM orders ORDER BY id")).toEqual([
      { id: "1", region: "EU", amount: "10.50", day: "2024-01-03" },
      { id: "2", region: "US", amount: "20.00", day: "2024-02-01" },
      { id: "3", region: "EU", amount: "7.25", day: "2024-02-09" },
    ]);
  });

  it("inserts a SELECT into listed columns, the others NULL", async () => {
    const result = await h.run("INSERT INTO lake.db.orders (day, id) SELECT day + 1, id + 10 FROM orders WHERE region = 'EU'");
    expect(result).toEqual({ message: "Inserted 2 rows into lake.db.orders.", rowsAffected: 2 });
    expect(await h.query("SELECT id, region, amount, day FROM orders WHERE id > 10 ORDER BY id")).toEqual([
      { id: "11", region: null, amount: null, day: "2024-01-04" },
      { id: "13", region: null, amount: null, day: "2024-02-10" },
    ]);
    expect(await snapshotCount("orders")).toBe(2);
  });

  it("inserts BY NAME, and says when nothing matched", async () => {
    await h.run("INSERT INTO orders BY NAME SELECT 'NO' AS region, 20 AS id");
    expect(await h.query("SELECT region FROM orders WHERE id = 20")).toEqual([{ region: "NO" }]);
    expect(await h.run("INSERT INTO orders SELECT * FROM orders WHERE id < 0")).toEqual({ message: "Inserted 0 rows into lake.db.orders.", rowsAffected: 0 });
    await h.run("DELETE FROM orders WHERE id = 20");
  });

  it("refuses a column count that does not fit, and unknown columns", async () => {
    await expect(h.run("INSERT INTO orders VALUES (1, 'EU')")).rejects.toMatchObject({ message: "INSERT INTO lake.db.orders names 4 columns but the rows have 2 values." });
    await expect(h.run("INSERT INTO orders (id, nope) VALUES (1, 2)")).rejects.toMatchObject({ message: "lake.db.orders has no column nope." });
  });
});

describe("atomicity: a failed statement leaves no trace", () => {
  it("an INSERT … SELECT that fails while running leaves the snapshot and the files as they were", async () => {
    const before = { snapshot: await currentSnapshot("orders"), files: await filesOf("orders") };
    await expect(h.run("INSERT INTO orders SELECT id + 100, region, amount, CAST(region AS DATE) FROM orders")).rejects.toThrow();
    // A NULL for the required id fails in the writer, after data files were written.
    await expect(h.run("INSERT INTO orders (region) SELECT region FROM orders")).rejects.toMatchObject({ code: "bad_request" });
    expect(await currentSnapshot("orders")).toBe(before.snapshot);
    expect(await filesOf("orders")).toEqual(before.files);
    expect(await h.query("SELECT count(*) AS n FROM orders")).toEqual([{ n: "5" }]);
  });

  it("a cancelled statement commits nothing and deletes what it wrote", async () => {
    const before = { snapshot: await currentSnapshot("orders"), files: await filesOf("orders") };
    const cancel = new AbortController();
    cancel.abort(new Error("cancelled by the person"));
    for (const sql of ["INSERT INTO orders SELECT id + 100, region, amount, day FROM orders", "UPDATE orders SET amount = 0 WHERE id = 1", "DELETE FROM orders", "TRUNCATE orders"]) {
      await expect(h.run(sql, undefined, cancel.signal)).rejects.toThrow("cancelled by the person");
    }
    await expect(h.run("CREATE TABLE never AS SELECT * FROM orders", undefined, cancel.signal)).rejects.toThrow("cancelled by the person");
    await expect(loadTable(t.ctx, ident("never"))).rejects.toMatchObject({ code: "not_found" });
    expect(await currentSnapshot("orders")).toBe(before.snapshot);
    expect(await filesOf("orders")).toEqual(before.files);
  });

  it("a DELETE planned before another commit landed refuses to write over it", async () => {
    const connection = engineConnection(t.duck);
    const ctx = h.context();
    const planned = await planCommand(ctx, { sql: "DELETE FROM orders WHERE region = 'US'", start: 0, end: 38 }, planSelect);
    await h.run("INSERT INTO orders (id, region) VALUES (99, 'US')");
    const after = await currentSnapshot("orders");
    await expect(planned.execute(connection, new AbortController().signal)).rejects.toMatchObject({ code: "conflict", message: "lake.db.orders changed while this statement ran; nothing was written. Run it again." });
    expect(await currentSnapshot("orders")).toBe(after);
    expect((await h.run("DELETE FROM orders WHERE id = 99")).rowsAffected).toBe(1);
  });

  it("a failing UPDATE or MERGE commits nothing", async () => {
    const before = { snapshot: await currentSnapshot("orders"), files: await filesOf("orders") };
    await expect(h.run("UPDATE orders SET day = CAST(region AS DATE) WHERE region = 'EU'")).rejects.toThrow();
    await expect(h.run("MERGE INTO orders o USING (SELECT 1 AS id UNION ALL SELECT 1) s ON o.id = s.id WHEN MATCHED THEN DELETE")).rejects.toMatchObject({
      message: "MERGE matched a row of lake.db.orders with more than one source row; make the ON condition match each target row at most once.",
    });
    expect(await currentSnapshot("orders")).toBe(before.snapshot);
    expect(await filesOf("orders")).toEqual(before.files);
  });
});

describe("DELETE, UPDATE, MERGE, TRUNCATE", () => {
  it("deletes the rows a condition matches, in one snapshot", async () => {
    const snapshots = await snapshotCount("orders");
    expect(await h.run("DELETE FROM orders o WHERE o.id IN (SELECT id FROM orders WHERE id > 10)")).toEqual({ message: "Deleted 2 rows from lake.db.orders.", rowsAffected: 2 });
    expect(await h.query("SELECT id FROM orders ORDER BY id")).toEqual([{ id: "1" }, { id: "2" }, { id: "3" }]);
    expect(await snapshotCount("orders")).toBe(snapshots + 1);
    expect(await h.run("DELETE FROM orders WHERE region = 'nowhere'")).toEqual({ message: "Deleted 0 rows from lake.db.orders.", rowsAffected: 0 });
    expect(await snapshotCount("orders")).toBe(snapshots + 1);
  });

  it("updates with expressions over the row, casting to the column types", async () => {
    expect(await h.run("UPDATE orders SET amount = amount * 2, region = lower(region) WHERE region = 'EU'")).toEqual({ message: "Updated 2 rows in lake.db.orders.", rowsAffected: 2 });
    expect(await h.query("SELECT id, region, amount FROM orders ORDER BY id")).toEqual([
      { id: "1", region: "eu", amount: "21.00" },
      { id: "2", region: "US", amount: "20.00" },
      { id: "3", region: "eu", amount: "14.50" },
    ]);
    await expect(h.run("UPDATE orders SET nope = 1")).rejects.toMatchObject({ message: "lake.db.orders has no column nope." });
  });

  it("merges: update matched, delete matched on a condition, insert not matched", async () => {
    await h.run("CREATE TABLE changes (id BIGINT, region VARCHAR, gone BOOLEAN)");
    await h.run("INSERT INTO changes VALUES (1, 'FR', false), (3, NULL, true), (4, 'DE', false)");
    const result = await h.run(
      "MERGE INTO orders AS o USING changes AS c ON o.id = c.id WHEN MATCHED AND c.gone THEN DELETE WHEN MATCHED THEN UPDATE SET region = c.region WHEN NOT MATCHED THEN INSERT (id, region, day) VALUES (c.id, c.region, DATE '2024-03-01')",
    );
    expect(result).toEqual({ message: "Merged into lake.db.orders: 1 row inserted, 1 row updated, 1 row deleted.", rowsAffected: 3 });
    expect(await h.query("SELECT id, region, amount, day FROM orders ORDER BY id")).toEqual([
      { id: "1", region: "FR", amount: "21.00", day: "2024-01-03" },
      { id: "2", region: "US", amount: "20.00", day: "2024-02-01" },
      { id: "4", region: "DE", amount: null, day: "2024-03-01" },
    ]);
  });

  it("merges from a query with UPDATE SET * and INSERT *", async () => {
    const result = await h.run(
      "MERGE INTO orders t USING (SELECT id, 'SE' AS region, amount + 1 AS amount, day FROM orders WHERE id = 2 UNION ALL SELECT 9, 'SE', 1, DATE '2024-04-01') s ON t.id = s.id WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *",
    );
    expect(result.rowsAffected).toBe(2);
    expect(await h.query("SELECT id, region, amount FROM orders WHERE region = 'SE' ORDER BY id")).toEqual([
      { id: "2", region: "SE", amount: "21.00" },
      { id: "9", region: "SE", amount: "1.00" },
    ]);
  });

  it("truncates, and DELETE without WHERE empties the table", async () => {
    await h.run("CREATE TABLE scratch AS SELECT range AS n FROM range(5)");
    expect(await h.run("DELETE FROM scratch")).toEqual({ message: "Deleted 5 rows from lake.db.scratch.", rowsAffected: 5 });
    await h.run("INSERT INTO scratch VALUES (1), (2)");
    expect(await h.run("TRUNCATE TABLE scratch")).toEqual({ message: "Truncated lake.db.scratch: deleted 2 rows.", rowsAffected: 2 });
    expect(await h.query("SELECT count(*) AS n FROM scratch")).toEqual([{ n: "0" }]);
  });
});

describe("CREATE TABLE AS SELECT", () => {
  it("creates the table and its first snapshot in one commit", async () => {
    const result = await h.run("CREATE TABLE eu PARTITIONED BY (region) AS SELECT id, region, sum(amount) AS total, count(*) AS n FROM orders GROUP BY id, region");
    expect(result).toEqual({ message: "Created table lake.db.eu with 4 rows.", rowsAffected: 4 });
    const { metadata } = await loadTable(t.ctx, ident("eu"));
    expect(metadata.snapshots).toHaveLength(1);
    expect(metadata.schemas[0].fields.map((f) => [f.name, f.type])).toEqual([
      ["id", "long"],
      ["region", "string"],
      ["total", "decimal(38, 2)"],
      ["n", "long"],
    ]);
    expect(metadata.partitionSpecs[0].fields.map((f) => f.name)).toEqual(["region"]);
    expect(await h.query("SELECT id, total, n FROM eu WHERE region = 'SE' ORDER BY id")).toEqual([
      { id: "2", total: "21.00", n: "1" },
      { id: "9", total: "1.00", n: "1" },
    ]);
  });

  it("replaces an existing table's schema, partitioning and rows in one commit, keeping its history", async () => {
    await h.run("CREATE TABLE replaced (a INT, b VARCHAR)");
    await h.run("INSERT INTO replaced VALUES (1, 'x'), (2, 'y')");
    const old = await currentSnapshot("replaced");
    const result = await h.run("CREATE OR REPLACE TABLE replaced PARTITIONED BY (kind) AS SELECT 'k' || range AS kind, range * 1.5 AS value FROM range(3)");
    expect(result).toEqual({ message: "Replaced table lake.db.replaced with 3 rows.", rowsAffected: 3 });
    const { metadata } = await loadTable(t.ctx, ident("replaced"));
    expect(metadata.snapshots).toHaveLength(2);
    expect(metadata.schemas.find((s) => s.schemaId === metadata.currentSchemaId)?.fields.map((f) => [f.id, f.name, f.type])).toEqual([
      [3, "kind", "string"],
      [4, "value", "decimal(21, 1)"],
    ]);
    expect(metadata.partitionSpecs.find((s) => s.specId === metadata.defaultSpecId)?.fields.map((f) => f.name)).toEqual(["kind"]);
    expect(await h.query("SELECT kind, value FROM replaced ORDER BY kind")).toEqual([
      { kind: "k0", value: "0.0" },
      { kind: "k1", value: "1.5" },
      { kind: "k2", value: "3.0" },
    ]);
    expect(await h.query(`SELECT a, b FROM replaced AT (VERSION => ${old}) ORDER BY a`)).toEqual([
      { a: 1, b: "x" },
      { a: 2, b: "y" },
    ]);
  });

  it("leaves no table when the query fails, and maps types Iceberg lacks", async () => {
    await expect(h.run("CREATE TABLE broken AS SELECT CAST(region AS INT) AS x FROM orders")).rejects.toThrow();
    await expect(loadTable(t.ctx, ident("broken"))).rejects.toMatchObject({ code: "not_found" });
    await expect(h.run("CREATE TABLE broken AS SELECT INTERVAL 1 DAY AS i")).rejects.toMatchObject({ message: expect.stringContaining('Column "i" is of type INTERVAL') });
    await expect(loadTable(t.ctx, ident("broken"))).rejects.toMatchObject({ code: "not_found" });
    expect((await h.run("CREATE TABLE IF NOT EXISTS eu AS SELECT 1 AS x")).message).toBe("lake.db.eu already exists; nothing created.");
  });
});

describe("views", () => {
  it("creates a view whose SELECT was planned, and replaces it", async () => {
    expect((await h.run("CREATE VIEW big AS SELECT id, amount FROM orders WHERE amount > 10")).message).toBe("Created view lake.db.big.");
    const view = await loadView(t.ctx, ident("big"));
    const version = view.metadata.versions.find((v) => v.versionId === view.metadata.currentVersionId);
    expect(version?.representations).toEqual([{ type: "sql", sql: "SELECT id, amount FROM orders WHERE amount > 10", dialect: "duckdb" }]);
    expect(version?.defaultNamespace).toEqual(["db"]);
    const schema = view.metadata.schemas.find((s) => s.schemaId === version?.schemaId);
    expect(schema?.fields.map((f) => [f.name, f.type])).toEqual([
      ["id", "long"],
      ["amount", "decimal(10, 2)"],
    ]);
    await expect(h.run("CREATE VIEW big AS SELECT 1 AS x")).rejects.toMatchObject({ code: "conflict" });
    expect((await h.run("CREATE OR REPLACE VIEW big (ident) AS SELECT id FROM orders")).message).toBe("Replaced view lake.db.big.");
    const bad = "CREATE VIEW bad AS SELECT * FROM missing_table";
    await expect(h.run(bad)).rejects.toMatchObject({ message: expect.stringContaining('Table "missing_table" does not exist'), position: bad.indexOf("missing_table") });
    await expect(h.run("CREATE VIEW p AS SELECT * FROM orders WHERE id = :id")).rejects.toMatchObject({ message: expect.stringContaining("Not supported: parameters (:id)") });
    expect((await h.run("DROP VIEW big")).message).toBe("Dropped view lake.db.big (it stays in the trash until purged).");
    expect((await h.run("DROP VIEW IF EXISTS big")).message).toBe("lake.db.big does not exist; nothing dropped.");
  });
});

describe("ALTER TABLE", () => {
  it("adds, renames and drops columns; sets and unsets properties", async () => {
    await h.run("ALTER TABLE orders ADD COLUMN note VARCHAR COMMENT 'free text'");
    await h.run("ALTER TABLE orders RENAME COLUMN note TO remark");
    await h.run("ALTER TABLE orders ALTER COLUMN remark COMMENT 'why'");
    await h.run("ALTER TABLE orders SET TBLPROPERTIES ('owner.team' = 'sales')");
    await h.run("ALTER TABLE orders UNSET TBLPROPERTIES ('owner.team')");
    let { metadata } = await loadTable(t.ctx, ident("orders"));
    const schema = metadata.schemas.find((s) => s.schemaId === metadata.currentSchemaId);
    expect(schema?.fields.at(-1)).toMatchObject({ name: "remark", type: "string", doc: "why" });
    expect(metadata.properties["owner.team"]).toBeUndefined();
    await h.run("INSERT INTO orders (id, remark) VALUES (50, 'hi')");
    expect(await h.query("SELECT remark FROM orders WHERE id = 50")).toEqual([{ remark: "hi" }]);
    expect((await h.run("ALTER TABLE orders DROP COLUMN remark")).message).toBe("Dropped column remark of lake.db.orders.");
    ({ metadata } = await loadTable(t.ctx, ident("orders")));
    expect(metadata.schemas.find((s) => s.schemaId === metadata.currentSchemaId)?.fields.map((f) => f.name)).toEqual(["id", "region", "amount", "day"]);
    await expect(h.run("ALTER TABLE orders DROP COLUMN remark")).rejects.toMatchObject({ code: "bad_request" });
    expect((await h.run("ALTER TABLE orders DROP COLUMN IF EXISTS remark")).message).toBe("lake.db.orders has no column remark; nothing changed.");
    await expect(h.run("ALTER TABLE orders UNSET TBLPROPERTIES ('nope')")).rejects.toMatchObject({ code: "bad_request" });
    expect((await h.run("ALTER TABLE IF EXISTS nothing_here ADD COLUMN x INT")).message).toBe("lake.db.nothing_here does not exist; nothing changed.");
  });
});

describe("ALTER TABLE: partitioning and references; nested types", () => {
  it("adds and drops partition fields, creates and drops tags and branches", async () => {
    await h.run("CREATE TABLE logs (id BIGINT, kind VARCHAR, at_ms BIGINT)");
    await h.run("INSERT INTO logs VALUES (1, 'a', 10)");
    await h.run("ALTER TABLE logs ADD PARTITION FIELD bucket(4, id) AS shard");
    await h.run("ALTER TABLE logs ADD PARTITION FIELD kind");
    let { metadata } = await loadTable(t.ctx, ident("logs"));
    expect(metadata.partitionSpecs.find((s) => s.specId === metadata.defaultSpecId)?.fields.map((f) => [f.name, f.transform])).toEqual([
      ["shard", "bucket[4]"],
      ["kind", "identity"],
    ]);
    await h.run("INSERT INTO logs VALUES (2, 'b', 20)");
    await h.run("ALTER TABLE logs DROP PARTITION FIELD shard");
    await h.run("ALTER TABLE logs DROP PARTITION FIELD kind");
    ({ metadata } = await loadTable(t.ctx, ident("logs")));
    expect(metadata.partitionSpecs.find((s) => s.specId === metadata.defaultSpecId)?.fields).toEqual(metadata.formatVersion === 1 ? expect.anything() : []);
    const first = metadata.snapshots[0].snapshotId;
    expect((await h.run(`ALTER TABLE logs CREATE TAG v1 AS OF VERSION ${first} RETAIN 7 DAYS`)).message).toBe(`Created tag v1 of lake.db.logs at snapshot ${first}.`);
    await h.run("ALTER TABLE logs CREATE BRANCH dev");
    ({ metadata } = await loadTable(t.ctx, ident("logs")));
    expect(metadata.refs.v1).toMatchObject({ snapshotId: first, type: "tag", maxRefAgeMs: 7 * 86_400_000 });
    expect(metadata.refs.dev).toMatchObject({ snapshotId: metadata.currentSnapshotId, type: "branch" });
    expect(await h.query("SELECT id FROM logs AT (VERSION => 'v1')")).toEqual([{ id: "1" }]);
    await h.run("ALTER TABLE logs DROP TAG v1");
    expect((await h.run("ALTER TABLE logs DROP BRANCH IF EXISTS nope")).message).toBe("lake.db.logs has no branch nope; nothing changed.");
    expect(Object.keys((await loadTable(t.ctx, ident("logs"))).metadata.refs).sort()).toEqual(["dev", "main"]);
  });

  it("widens a column type by Iceberg's promotions only", async () => {
    await h.run("CREATE TABLE widen (n INT, d DECIMAL(9, 2))");
    await h.run("ALTER TABLE widen ALTER COLUMN n TYPE BIGINT");
    await h.run("ALTER TABLE widen ALTER COLUMN d TYPE DECIMAL(12, 2)");
    await expect(h.run("ALTER TABLE widen ALTER COLUMN n TYPE VARCHAR")).rejects.toMatchObject({ code: "bad_request" });
    const { metadata } = await loadTable(t.ctx, ident("widen"));
    expect(metadata.schemas.find((s) => s.schemaId === metadata.currentSchemaId)?.fields.map((f) => f.type)).toEqual(["long", "decimal(12, 2)"]);
  });

  it("writes structs, lists and maps", async () => {
    await h.run("CREATE TABLE nested (id INT, tags VARCHAR[], address STRUCT(city VARCHAR, zip INT), attrs MAP(VARCHAR, BIGINT))");
    await h.run("INSERT INTO nested VALUES (1, ['a', 'b'], {'city': 'Oslo', 'zip': 150}, MAP {'x': 1})");
    await h.run("CREATE TABLE nested_copy AS SELECT * FROM nested");
    await h.run("UPDATE nested_copy SET tags = list_append(tags, 'c') WHERE id = 1");
    expect(await h.query("SELECT tags, address.city AS city, attrs['x'] AS x FROM nested_copy")).toEqual([{ tags: ["a", "b", "c"], city: "Oslo", x: "1" }]);
    const { metadata } = await loadTable(t.ctx, ident("nested_copy"));
    const fields = metadata.schemas[0].fields;
    expect(fields.map((f) => f.name)).toEqual(["id", "tags", "address", "attrs"]);
    expect(fields[2].type).toMatchObject({ type: "struct", fields: [{ name: "city", type: "string" }, { name: "zip", type: "int" }] });
  });
});

describe("names resolve as in queries", () => {
  it("matches case-insensitively, suggests the closest names, and checks the kind", async () => {
    expect((await h.run("INSERT INTO LAKE.DB.Orders (id) VALUES (500)")).message).toBe("Inserted 1 row into lake.db.orders.");
    expect((await h.run("DELETE FROM Orders WHERE ID = 500")).rowsAffected).toBe(1);
    const typo = "INSERT INTO ordrs VALUES (1)";
    await expect(h.run(typo)).rejects.toMatchObject({ message: expect.stringContaining("Did you mean orders"), position: typo.indexOf("ordrs") });
    await h.run("CREATE VIEW recent AS SELECT id FROM orders");
    await expect(h.run("INSERT INTO recent VALUES (1)")).rejects.toMatchObject({ message: "lake.db.recent is a view; only Iceberg tables of the catalog can be changed here." });
    await expect(h.run("DROP TABLE recent")).rejects.toMatchObject({ message: expect.stringContaining("is a view; use DROP VIEW") });
    await expect(h.run("DROP VIEW orders")).rejects.toMatchObject({ message: "lake.db.orders is a table; use DROP TABLE for tables." });
    await expect(h.run("TRUNCATE orders$snapshots")).rejects.toMatchObject({ message: expect.stringContaining("is a metadata table") });
    await h.run("DROP VIEW Recent");
    await expect(h.run("CREATE TABLE nowhere.t (a INT)")).rejects.toMatchObject({ code: "not_found" });
    await expect(h.run("CREATE TABLE other_catalog.x.t (a INT)")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("parameters and error positions", () => {
  it("binds :name parameters in VALUES, WHERE and SET, never splicing them", async () => {
    const p = harness(t, { params: { id: 77, region: "x'); DROP TABLE orders; --", factor: 3 } });
    expect((await p.run("INSERT INTO orders (id, region, amount) VALUES (:id, :region, 1.5)")).rowsAffected).toBe(1);
    expect((await p.run("UPDATE orders SET amount = amount * :factor WHERE id = :id")).rowsAffected).toBe(1);
    expect(await h.query("SELECT region, amount FROM orders WHERE id = 77")).toEqual([{ region: "x'); DROP TABLE orders; --", amount: "4.50" }]);
    expect((await p.run("DELETE FROM orders WHERE id = :id AND region = :region")).rowsAffected).toBe(1);
    await expect(h.run("DELETE FROM orders WHERE id = :missing")).rejects.toMatchObject({ message: expect.stringContaining("missing") });
  });

  it("reports errors of the embedded SQL at their place in the statement, through plan's explainError", async () => {
    const sql = "DELETE FROM orders\nWHERE id IN (SELECT id FROM nowhere)";
    const error = await h.run(sql).catch((e: unknown) => e);
    expect(error).toMatchObject({ position: sql.indexOf("nowhere") });
    expect(explainError(error, undefined, { sql, start: 0, end: sql.length })).toMatchObject({ line: 2, column: 29 });
    const merge = "MERGE INTO orders o USING (SELECT * FROM gone) s ON o.id = s.id WHEN MATCHED THEN DELETE";
    await expect(h.run(merge)).rejects.toMatchObject({ position: merge.indexOf("gone") });
    const syntax = "UPDATE orders\n  SET (a, b) = (1, 2)";
    const refused = await h.run(syntax).catch((e: unknown) => e);
    expect(explainError(refused, undefined, { sql: syntax, start: 0, end: syntax.length })).toEqual({ message: expect.stringContaining("Not supported: SET (a, b)"), line: 2, column: 7 });
  });
});

/** Hostile SQL inside commands: every embedded piece goes through plan's checks (or the recogniser refuses it). */
const HOSTILE: [string, string][] = [
  ["INSERT INTO orders SELECT * FROM read_csv('/etc/passwd')", "not allowed"],
  ["INSERT INTO orders (region) VALUES ((SELECT content FROM read_text('/etc/passwd')))", "not allowed"],
  ["CREATE TABLE stolen AS SELECT * FROM read_parquet('/tmp/x.parquet')", "not allowed"],
  ["CREATE TABLE stolen AS SELECT * FROM '/etc/passwd'", "not allowed"],
  ["CREATE VIEW peek AS SELECT * FROM duckdb_tables()", "not allowed"],
  ["UPDATE orders SET region = (SELECT content FROM read_text('/etc/passwd'))", "not allowed"],
  ["UPDATE orders SET region = 'x' FROM read_csv('/etc/passwd') f", "Not supported: UPDATE … FROM"],
  ["DELETE FROM orders WHERE id IN (SELECT 1 FROM duckdb_settings())", "not allowed"],
  ["DELETE FROM orders WHERE getenv('HOME') IS NOT NULL", "not allowed"],
  ["DELETE FROM orders USING read_csv('/etc/passwd') f", "Not supported: DELETE … USING"],
  ["MERGE INTO orders o USING (SELECT * FROM read_json('/etc/x.json')) s ON o.id = s.id WHEN MATCHED THEN DELETE", "not allowed"],
  ["MERGE INTO orders o USING information_schema.key_column_usage s ON o.id = 1 WHEN MATCHED THEN DELETE", "not allowed"],
  ["INSERT INTO orders SELECT 1; COPY orders TO '/tmp/out.csv'", "one statement at a time"],
  ["DELETE FROM orders WHERE id = 1; ATTACH '/tmp/x.db'", "one statement at a time"],
  ["CREATE SECRET s (TYPE s3, KEY_ID 'x')", "Not supported: CREATE SECRET"],
  ["CREATE MACRO m(a) AS a + 1", "Not supported: CREATE MACRO"],
  ["INSERT INTO read_csv('/etc/passwd') VALUES (1)", "Syntax error"],
  ["CREATE TABLE t2 (a INT) LOCATION '/etc'", "Not supported: a table LOCATION"],
  ["DROP TABLE orders; DROP TABLE eu", "one statement at a time"],
  ["UPDATE orders SET amount = 1 WHERE id = 1 RETURNING *", "Not supported: RETURNING"],
];

describe("hostile SQL inside commands", () => {
  it.each(HOSTILE)("%s", async (sql, refusal) => {
    const before = await currentSnapshot("orders");
    await expect(h.run(sql)).rejects.toMatchObject({ message: expect.stringContaining(refusal) });
    expect(await currentSnapshot("orders")).toBe(before);
  });
});

describe("access", () => {
  it("lets an analyst write but not drop; a steward drops to the trash", async () => {
    expect((await h.run("INSERT INTO scratch VALUES (7)", analyst)).rowsAffected).toBe(1);
    await expect(h.run("DROP TABLE scratch", analyst)).rejects.toMatchObject({ code: "forbidden", message: "You do not have permission to drop this table." });
    await expect(h.run("DROP SCHEMA db", analyst)).rejects.toMatchObject({ code: "forbidden" });
    expect(await h.query("SELECT n FROM scratch")).toEqual([{ n: "7" }]);
    expect((await h.run("DROP TABLE scratch", steward)).message).toBe("Dropped table lake.db.scratch (it stays in the trash until purged).");
    expect((await listTrash(t.ctx)).map((item) => item.name)).toContain("scratch");
    expect((await h.run("DROP TABLE IF EXISTS scratch", steward)).message).toBe("lake.db.scratch does not exist; nothing dropped.");
  });
});
