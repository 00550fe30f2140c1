import { mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FULL_READ, type UserPrincipal } from "@/lib/access";
import { createCatalog, createNamespace, createView, loadTable, manageSnapshots } from "@/lib/catalog";
import { registerFolder } from "@/lib/catalog/external";
import { AppError } from "@/lib/errors";
import type { Schema } from "@/lib/iceberg/spec";
import { explainError, planQuery, type ReadPolicyFn, splitStatements } from "./index";
import { engineOver } from "@/lib/query/federated/testing";
import { resolveNamespace } from "./resolve";
import { engineConnection } from "@/lib/query/exec/engine-connection";
import { planFixture, type PlanFixture, tableWithRows } from "./testing/fixture";

let f: PlanFixture;
const schema: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "id", type: "long", required: false },
    { id: 2, name: "customer", type: "string", required: false },
    { id: 3, name: "amount", type: "double", required: false },
  ],
};
const ident = (name: string, namespace = ["db"], catalog = "lake") => ({ catalog, namespace, name });
const analyst: UserPrincipal = { kind: "user", userId: "a", username: "ana", displayName: null, role: "analyst", groupIds: [] };
let snapshots: bigint[] = [];
let times: number[] = [];

beforeAll(async () => {
  f = await planFixture();
  const { t } = f;
  await tableWithRows(t, ident("orders"), schema, "SELECT 1 AS id, 'ada' AS customer, 10.0 AS amount", "SELECT 2 AS id, 'bob' AS customer, 20.0 AS amount", "SELECT 3 AS id, 'cy' AS customer, 30.0 AS amount");
  const { metadata } = await loadTable(t.ctx, ident("orders"));
  snapshots = metadata.snapshots.map((s) => s.snapshotId);
  times = metadata.snapshots.map((s) => s.timestampMs);
  await manageSnapshots(t.ctx, ident("orders"), (m) => m.createTag("first", snapshots[0]).createBranch("audit", snapshots[1]));
  await createNamespace(t.db, t.ctx.actor, { catalog: "lake", namespace: ["other"] });
  await tableWithRows(t, ident("Customers", ["other"]), { ...schema, fields: schema.fields.slice(0, 2) }, "SELECT 1 AS id, 'ada' AS customer");
  await createNamespace(t.db, t.ctx.actor, { catalog: "lake", namespace: ["deep"] });
  await createNamespace(t.db, t.ctx.actor, { catalog: "lake", namespace: ["deep", "er"] });
  await tableWithRows(t, ident("leaf", ["deep", "er"]), { ...schema, fields: schema.fields.slice(0, 1) }, "SELECT 7 AS id");
  await createCatalog(t.db, t.ctx.actor, { name: "second", kind: "managed" });
  await createNamespace(t.db, t.ctx.actor, { catalog: "second", namespace: ["db"] });
  await tableWithRows(t, ident("orders", ["db"], "second"), { ...schema, fields: schema.fields.slice(0, 1) }, "SELECT 99 AS id");
  const sql = (text: string) => ({ type: "sql" as const, sql: text, dialect: "duckdb" });
  await createView(t.ctx, ident("big_orders"), { schema, representations: [sql("SELECT * FROM orders WHERE amount > 15")], defaultNamespace: ["db"], summary: {} });
  await createView(t.ctx, ident("biggest"), { schema, representations: [sql("SELECT max(amount) AS top FROM big_orders")], defaultNamespace: ["db"], summary: {} });
  await createView(t.ctx, ident("loop"), { schema, representations: [sql("SELECT * FROM loop")], defaultNamespace: ["db"], summary: {} });
});
afterAll(() => f.close());

describe("name resolution", () => {
  it.each([
    ["SELECT id FROM orders ORDER BY id", ["1", "2", "3"]],
    ["SELECT id FROM db.orders ORDER BY id", ["1", "2", "3"]],
    ["SELECT id FROM lake.db.orders ORDER BY id", ["1", "2", "3"]],
    ["SELECT id FROM second.db.orders", ["99"]],
    ["SELECT id FROM ORDERS ORDER BY id", ["1", "2", "3"]],
    ["SELECT id FROM other.customers", ["1"]],
    ["SELECT id FROM lake.deep.er.leaf", ["7"]],
    ["SELECT id FROM deep.er.leaf", ["7"]],
    ['SELECT id FROM "orders" o WHERE o.id = 2', ["2"]],
    ["FROM orders SELECT id WHERE id < 2", ["1"]],
    ["TABLE orders ORDER BY 1 LIMIT 1", ["1"]],
    ["SELECT o.id FROM orders o JOIN other.customers c ON o.id = c.id", ["1"]],
    ["SELECT id FROM orders WHERE id IN (SELECT id FROM second.db.orders UNION SELECT 3)", ["3"]],
    ["WITH orders AS (SELECT 42 AS id) SELECT id FROM orders", ["42"]],
    ["WITH x AS (SELECT id FROM orders WHERE id = 1), y AS (SELECT * FROM x) SELECT id FROM y", ["1"]],
    ["WITH RECURSIVE r AS (SELECT 1 AS id UNION ALL SELECT id + 1 FROM r WHERE id < 3) SELECT max(id) AS id FROM r", ["3"]],
    ["SELECT id FROM (SELECT * FROM orders) WHERE id = 3", ["3"]],
    ["SELECT id FROM range(2) t(id)", ["0", "1"]],
    ["SELECT db.orders.id FROM db.orders WHERE db.orders.id = 2", ["2"]],
    ["SELECT lake.db.orders.id FROM lake.db.orders ORDER BY lake.db.orders.id DESC LIMIT 1", ["3"]],
    // Catalog and namespace parts: exact first, then a unique case-insensitive match, like tables.
    ["SELECT id FROM LAKE.DB.Orders ORDER BY id", ["1", "2", "3"]],
    ["SELECT id FROM Lake.db.orders ORDER BY id", ["1", "2", "3"]],
    ["SELECT id FROM DB.ORDERS ORDER BY id", ["1", "2", "3"]],
    ["SELECT id FROM OTHER.customers", ["1"]],
    ["SELECT id FROM LAKE.Deep.ER.Leaf", ["7"]],
    ["SELECT id FROM SECOND.Db.orders", ["99"]],
    ["SELECT count(*) AS n FROM LAKE.DB.Orders$Snapshots", ["3"]],
  ])("%s", async (sql, ids) => {
    const rows = await f.run(sql);
    expect(rows.map((r) => String(Object.values(r)[0]))).toEqual(ids);
  });

  it.each([
    ["SELECT * FROM ordrs", 'Table "ordrs" does not exist in lake.db. Did you mean orders?'],
    ["SELECT * FROM dbb.orders", 'Namespace "dbb" does not exist in catalog lake. Did you mean db?'],
    ["SELECT * FROM lak.db.orders", "Did you mean"],
    ["SELECT * FROM nothing_like_it", 'Table "nothing_like_it" does not exist in lake.db.'],
  ])("%s is refused with the closest names", async (sql, message) => {
    await expect(f.plan(sql)).rejects.toThrow(message);
  });

  it("needs a session for short names", async () => {
    await expect(f.plan("SELECT * FROM orders", { session: {} })).rejects.toThrow(/choose a catalog first/);
    expect(await f.run("SELECT count(*) AS n FROM lake.db.orders", { session: {} })).toEqual([{ n: "3" }]);
  });
});

describe("views", () => {
  it("expand to their SQL, planned like the person's", async () => {
    expect(await f.run("SELECT id FROM big_orders ORDER BY id")).toEqual([{ id: "2" }, { id: "3" }]);
    expect(await f.run("SELECT top FROM biggest")).toEqual([{ top: 30 }]);
    const plan = await f.plan("SELECT * FROM biggest");
    expect(plan.tablesRead).toEqual(["lake.db.biggest", "lake.db.big_orders", "lake.db.orders"]);
  });

  it("that read themselves stop at the depth limit", async () => {
    await expect(f.plan("SELECT * FROM loop")).rejects.toThrow(/Views nest more than 8 deep/);
  });
});

describe("time travel", () => {
  it("reads each historical snapshot by id", async () => {
    for (const [i, id] of snapshots.entries()) {
      const rows = await f.run(`SELECT id FROM orders AT (VERSION => ${id}) ORDER BY id`);
      expect(rows.map((r) => r.id)).toEqual(["1", "2", "3"].slice(0, i + 1));
    }
  });

  it("by time, tag and branch, with an alias after the AT clause", async () => {
    const at = new Date(times[1]).toISOString().replace("T", " ").replace("Z", "");
    expect((await f.run(`SELECT id FROM orders AT (TIMESTAMP => TIMESTAMP '${at}') AS o ORDER BY o.id`)).map((r) => r.id)).toEqual(["1", "2"]);
    expect((await f.run("SELECT id FROM orders AT (VERSION => 'first')")).map((r) => r.id)).toEqual(["1"]);
    expect((await f.run("SELECT id FROM orders AT (TAG => 'first') o")).map((r) => r.id)).toEqual(["1"]);
    expect((await f.run("SELECT id FROM orders AT (BRANCH => 'audit') ORDER BY id")).map((r) => r.id)).toEqual(["1", "2"]);
  });

  it("names an unknown snapshot", async () => {
    await expect(f.plan("SELECT * FROM orders AT (VERSION => 123)")).rejects.toThrow(/123/);
    await expect(f.plan("SELECT * FROM orders AT (TIMESTAMP => TIMESTAMP '2001-01-01')")).rejects.toThrow(/No snapshot/);
    await expect(f.plan("SELECT * FROM orders AT (TAG => 'nope') x")).rejects.toMatchObject({ name: "PlanError", message: 'No branch or tag named "nope" (known: audit, first, main).' });
  });
});

describe("metadata tables", () => {
  it("serve t$snapshots, t$history, t$refs, t$files, t$manifests, t$partitions", async () => {
    const snaps = await f.run('SELECT snapshot_id FROM "orders$snapshots" ORDER BY committed_at');
    expect(snaps.map((r) => String(r.snapshot_id))).toEqual(snapshots.map(String));
    expect((await f.run("SELECT count(*) AS n FROM orders$history"))[0].n).toBe("3");
    expect((await f.run("SELECT name FROM orders$refs ORDER BY name")).map((r) => r.name)).toEqual(["audit", "first", "main"]);
    expect((await f.run("SELECT sum(record_count) AS n FROM orders$files"))[0].n).toBe("3");
    expect((await f.run("SELECT count(*) AS n FROM orders$manifests"))[0].n).not.toBe("0");
    expect((await f.run("SELECT count(*) AS n FROM lake.db.orders$partitions"))[0].n).toBe("1");
    expect((await f.run(`SELECT sum(record_count) AS n FROM orders$files AT (VERSION => ${snapshots[0]})`))[0].n).toBe("1");
  });
});

describe("parameters", () => {
  it("binds :name values as $n", async () => {
    const plan = await f.plan("SELECT id FROM orders WHERE id = :want OR customer = :who OR id = :want", { params: { want: 2, who: "cy" } });
    expect(plan.sql).toMatch(/\$1/);
    expect(plan.sql).not.toMatch(/:want|\$want/);
    expect(plan.params).toEqual([2, "cy"]);
    expect((await f.run("SELECT id FROM orders WHERE id = :want OR customer = :who ORDER BY id", { params: { want: 2, who: "cy" } })).map((r) => r.id)).toEqual(["2", "3"]);
  });

  it("a missing value is named", async () => {
    await expect(f.plan("SELECT :a, :b", { params: { a: 1 } })).rejects.toThrow("No value for the parameter :b");
  });
});

describe("USE, EXPLAIN, DESCRIBE, SHOW TABLES", () => {
  const use = async (sql: string, session = {}) => {
    const plan = await planQuery(f.ctx({ session }), splitStatements(sql)[0]);
    if (plan.kind !== "command") throw new Error("not a command");
    return (await plan.execute(undefined as never, new AbortController().signal)).session;
  };

  it("USE sets the session", async () => {
    expect(await use("USE lake.db")).toEqual({ catalog: "lake", namespace: ["db"] });
    expect(await use("USE lake")).toEqual({ catalog: "lake" });
    expect(await use("USE other", { catalog: "lake", namespace: ["db"] })).toEqual({ catalog: "lake", namespace: ["other"] });
    expect(await use("USE lake.deep.er")).toEqual({ catalog: "lake", namespace: ["deep", "er"] });
    expect(await use("USE second.db", { catalog: "lake" })).toEqual({ catalog: "second", namespace: ["db"] });
    await expect(use("USE lake.dd")).rejects.toThrow('Namespace "dd" does not exist in catalog lake. Did you mean db?');
    expect(await use("USE LAKE.DB")).toEqual({ catalog: "lake", namespace: ["db"] });
    expect(await use("USE Deep.Er", { catalog: "LAKE" })).toEqual({ catalog: "lake", namespace: ["deep", "er"] });
  });

  it("a qualifier resolves to the catalog's spelling of the namespace, or as written when there is none (CREATE SCHEMA)", async () => {
    const of = async (qualifier: string[]) => {
      const { catalog, namespace } = await resolveNamespace(f.ctx(), qualifier);
      return [catalog.path, ...namespace];
    };
    expect(await of(["LAKE", "DB"])).toEqual(["lake", "db"]);
    expect(await of(["Deep", "ER"])).toEqual(["lake", "deep", "er"]);
    expect(await of(["lake", "NewOne"])).toEqual(["lake", "NewOne"]);
    expect(await of([])).toEqual(["lake", "db"]);
  });

  it("a session written in another case reads the catalog's names", async () => {
    const plan = await f.plan("SELECT id FROM Orders", { session: { catalog: "LAKE", namespace: ["DB"] } });
    expect(plan.tablesRead).toEqual(["lake.db.orders"]);
    expect(await f.run("SELECT count(*) AS n FROM Orders", { session: { catalog: "LAKE", namespace: ["DB"] } })).toEqual([{ n: "3" }]);
  });

  it("EXPLAIN, DESCRIBE, SUMMARIZE and SHOW TABLES", async () => {
    const explained = await f.run("EXPLAIN SELECT id FROM orders");
    expect(JSON.stringify(explained)).toMatch(/PROJECTION|READ_PARQUET|TABLE_SCAN/i);
    expect(await f.run("EXPLAIN SELECT 1 + :x AS y", { params: { x: 2 } })).toEqual([{ explain_key: "physical_plan", explain_value: expect.stringMatching(/PROJECTION/) }]);
    expect((await f.run("DESCRIBE orders")).map((r) => r.column_name)).toEqual(["id", "customer", "amount"]);
    expect((await f.run("SUMMARIZE orders")).length).toBe(3);
    expect((await f.run("SHOW TABLES")).map((r) => r.name)).toEqual(["big_orders", "biggest", "loop", "orders"]);
  });
});

describe("EXPLAIN without internals", () => {
  const leaks = (text: string) => [f.t.warehouse, "/tmp", ".parquet", "read_parquet(", "tarn_", "__tarn", "SELECT", "orders-"].filter((s) => text.includes(s));

  it.each([
    ["EXPLAIN SELECT id FROM orders WHERE customer = 'ada'", "physical_plan", /Filters: customer='ada'/],
    ["EXPLAIN ANALYZE SELECT id FROM orders WHERE customer = 'ada'", "analyzed_plan", /Total time: [\d.]+s[\s\S]*Rows: 1/],
    ["EXPLAIN SELECT o.id, c.customer FROM orders o JOIN other.customers c ON o.id = c.id", "physical_plan", /JOIN/],
    ["EXPLAIN ANALYZE SELECT customer, count(*) FROM orders AT (VERSION => 'first') GROUP BY customer", "analyzed_plan", /Total time: [\d.]+s\nHASH_GROUP_BY/],
    // A count DuckDB reads off the Parquet footers while planning: nothing is profiled.
    ["EXPLAIN ANALYZE SELECT count(*) FROM orders AT (VERSION => 'first')", "analyzed_plan", /^Not measured: [^\n]*\nCOLUMN_DATA_SCAN/],
  ])("%s", async (sql, key, shows) => {
    const rows = await f.run(sql);
    expect(rows).toHaveLength(1);
    expect(rows[0].explain_key).toBe(key);
    const text = String(rows[0].explain_value);
    expect(text).toMatch(shows);
    expect(leaks(text)).toEqual([]);
  });

  it("an error in the explained query points at the person's text", async () => {
    const statement = splitStatements("SELECT 1;\nEXPLAIN SELECT id,\n  nope FROM orders")[1];
    const plan = await planQuery(f.ctx(), statement);
    if (plan.kind !== "query") throw new Error("not a query");
    const connection = engineOver(f.sandbox);
    const error = await (async () => {
      for (const step of plan.setup) await step.run(connection, new AbortController().signal);
    })().catch((e: unknown) => e);
    const explained = explainError(error, plan, statement);
    expect(explained).toMatchObject({ line: 3, column: 3 });
    expect(explained.message).toMatch(/nope/);
    expect(explained.message).not.toMatch(/read_parquet|\/tmp|tarn_/);
  });
});

describe("read policies", () => {
  const narrow: ReadPolicyFn = (_principal, table) => {
    if (table.table === "Customers") throw new AppError("forbidden", "You do not have permission to read this table.");
    return { ...FULL_READ, columns: ["id", "customer"], masks: { customer: "upper(left(customer, 1)) || '***'" }, rowFilter: "amount < 25", reasons: [] };
  };

  it("apply columns, masks and the row filter", async () => {
    const options = { readPolicy: narrow };
    expect(await f.run("SELECT * FROM orders ORDER BY id", { options, actor: analyst })).toEqual([
      { id: "1", customer: "A***" },
      { id: "2", customer: "B***" },
    ]);
    await expect(f.plan("SELECT amount FROM orders", { options })).resolves.toBeDefined();
    await expect(f.run("SELECT amount FROM orders", { options })).rejects.toThrow(/amount/);
    await expect(f.run("SELECT count(*) FROM orders WHERE customer = 'cy'", { options })).resolves.toEqual([{ "count_star()": "0" }]);
    await expect(f.plan("SELECT * FROM other.customers", { options })).rejects.toThrow("You do not have permission to read this table.");
    await expect(f.plan("SELECT * FROM orders$files", { options })).rejects.toThrow(/metadata table orders\$files is not allowed/);
    // Views read with the reader's rights: big_orders filters on a column hidden from them.
    await expect(f.run("SELECT id FROM big_orders", { options })).rejects.toThrow(/amount/);
  });
});

describe("explainError", () => {
  it("maps DuckDB's position back to the person's text, without internals", async () => {
    const text = "SELECT 1;\nSELECT id,\n  nope FROM orders";
    const statement = splitStatements(text)[1];
    const plan = await planQuery(f.ctx(), statement);
    if (plan.kind !== "query") throw new Error("not a query");
    const error = await f.sandbox.runAndReadAll(plan.sql).catch((e: unknown) => e);
    const explained = explainError(error, plan, statement);
    expect(explained).toMatchObject({ line: 3, column: 3 });
    expect(explained.message).toMatch(/nope/);
    expect(explained.message).not.toMatch(/read_parquet|\/tmp|tarn_/);
  });

  it("places PlanErrors where they happened", async () => {
    const text = "SELECT 1;\n\nSELECT *\nFROM ordrs";
    const statement = splitStatements(text)[1];
    const error = await planQuery(f.ctx(), statement).catch((e: unknown) => e);
    expect(explainError(error, undefined, statement)).toEqual({ message: 'Table "ordrs" does not exist in lake.db. Did you mean orders?', line: 4, column: 6 });
    const unicode = splitStatements("SELECT 'ééé€' AS x\nFROM lake.db.ordrs")[0];
    const second = await planQuery(f.ctx(), unicode).catch((e: unknown) => e);
    expect(explainError(second, undefined, unicode)).toMatchObject({ line: 2, column: 6 });
  });
});

describe("PIVOT and UNPIVOT statements", () => {
  it("run as queries over the secured tables", async () => {
    expect(await f.run("PIVOT orders ON customer IN ('ada', 'cy') USING sum(amount) GROUP BY id ORDER BY id")).toEqual([
      { id: "1", ada: 10, cy: null },
      { id: "2", ada: null, cy: null },
      { id: "3", ada: null, cy: 30 },
    ]);
    expect(await f.run("UNPIVOT (SELECT id, amount, id * 2.0 AS twice FROM orders WHERE id = 1) ON amount, twice INTO NAME k VALUE v ORDER BY k")).toEqual([
      { id: "1", k: "amount", v: 10 },
      { id: "1", k: "twice", v: 2 },
    ]);
    const hidden: ReadPolicyFn = () => ({ ...FULL_READ, columns: ["id", "customer"], masks: {}, rowFilter: "id < 3", reasons: [] });
    expect(await f.run("PIVOT orders ON customer IN ('ada', 'bob', 'cy') USING count(*) ORDER BY id", { options: { readPolicy: hidden } })).toEqual([
      { id: "1", ada: "1", bob: "0", cy: "0" },
      { id: "2", ada: "0", bob: "1", cy: "0" },
    ]);
    await expect(f.run("PIVOT orders ON customer IN ('ada') USING sum(amount)", { options: { readPolicy: hidden } })).rejects.toThrow(/amount/);
  });

  it("place errors in the person's text, and say how to pivot on values from the data", async () => {
    const statement = splitStatements("SELECT 1;\nPIVOT orders ON customer IN ('ada')\n  USING sum(nope)")[1];
    const plan = await planQuery(f.ctx(), statement);
    if (plan.kind !== "query") throw new Error("not a query");
    const error = await f.sandbox.runAndReadAll(plan.sql).catch((e: unknown) => e);
    expect(explainError(error, plan, statement)).toMatchObject({ line: 3, column: 13 });
    await expect(f.plan("SELECT * FROM (PIVOT orders ON customer USING sum(amount))")).rejects.toThrow("PIVOT without IN (…) inside another statement is not allowed: its columns would come from the data before the statement is checked; run the PIVOT as a statement of its own");
  });

  it("take a column's values from the secured data when they are not listed, as DuckDB does", async () => {
    expect(await f.run("PIVOT orders ON customer USING sum(amount) GROUP BY id ORDER BY id")).toEqual([
      { id: "1", ada: 10, bob: null, cy: null },
      { id: "2", ada: null, bob: 20, cy: null },
      { id: "3", ada: null, bob: null, cy: 30 },
    ]);
    // Values and their order as DuckDB's own PIVOT finds them (upper(…), numbers in order), two columns crossed.
    expect(Object.keys((await f.run("PIVOT orders ON upper(customer), id USING count(*)"))[0])).toEqual(["amount", "ADA_1", "ADA_2", "ADA_3", "BOB_1", "BOB_2", "BOB_3", "CY_1", "CY_2", "CY_3"]);
    // The values come through the reader's row filter: a hidden row's value is no column.
    const filtered: ReadPolicyFn = () => ({ ...FULL_READ, columns: null, masks: {}, rowFilter: "id <> 2", reasons: [] });
    expect(Object.keys((await f.run("PIVOT orders ON customer USING count(*)", { options: { readPolicy: filtered } }))[0])).toEqual(["id", "amount", "ada", "cy"]);
    const plan = await f.plan("PIVOT orders o ON o.customer USING sum(o.amount)");
    expect(plan.tablesRead).toEqual(["lake.db.orders"]);
    // An error in the statement is placed in the person's text, past the IN clause Tarn adds.
    const statement = splitStatements("PIVOT orders ON customer USING sum(nope)")[0];
    const planned = await planQuery(f.ctx(), statement);
    if (planned.kind !== "query") throw new Error("not a query");
    const connection = engineConnection(f.sandbox);
    for (const step of planned.setup) await step.run(connection, new AbortController().signal);
    const error = await f.sandbox.runAndReadAll(planned.sql).catch((e: unknown) => e);
    expect(explainError(error, planned, statement)).toMatchObject({ line: 1, column: 36 });
  });
});

describe("time travel with parameters", () => {
  it("reads AT (VERSION => :v) and AT (TIMESTAMP => :t) from the bound values", async () => {
    const rows = await f.run("SELECT id FROM orders AT (VERSION => :v) WHERE id > :min ORDER BY id", { params: { v: snapshots[1].toString(), min: 1 } });
    expect(rows).toEqual([{ id: "2" }]);
    const plan = await f.plan("SELECT id FROM orders AT (VERSION => :v) WHERE id > :min", { params: { v: snapshots[1].toString(), min: 1 } });
    expect(plan.params).toEqual([1]);
    const at = new Date(times[0]).toISOString();
    expect(await f.run("SELECT count(*) AS n FROM orders AT (TIMESTAMP => :t)", { params: { t: at } })).toEqual([{ n: "1" }]);
    await expect(f.plan("SELECT * FROM orders AT (VERSION => :v)")).rejects.toThrow("No value for the parameter :v");
  });

  it("plans a table read twice at one snapshot once", async () => {
    const plan = await f.plan("SELECT a.id FROM orders a JOIN orders b USING (id) JOIN orders AT (VERSION => 'first') c USING (id)");
    expect(plan.tablesRead).toEqual(["lake.db.orders"]);
    expect((await f.run("SELECT a.id FROM orders a JOIN orders b USING (id) JOIN orders AT (VERSION => 'first') c USING (id)"))).toEqual([{ id: "1" }]);
  });
});

describe("external tables", () => {
  it("read through their reader, under the read policy, and refuse time travel", async () => {
    const dir = path.join(f.t.warehouse, "external-events");
    mkdirSync(dir, { recursive: true });
    await f.t.duck.run(`COPY (SELECT range AS id, 'e' || range AS name FROM range(4)) TO '${dir}/part-0.parquet'`);
    await createCatalog(f.t.db, f.t.ctx.actor, { name: "files", kind: "lake" });
    await createNamespace(f.t.db, f.t.ctx.actor, { catalog: "files", namespace: ["raw"] });
    await registerFolder(f.t.ctx, ident("events", ["raw"], "files"), { path: dir });
    expect(await f.run("SELECT count(*) AS n, max(name) AS top FROM files.raw.events")).toEqual([{ n: "4", top: "e3" }]);
    const readPolicy: ReadPolicyFn = () => ({ ...FULL_READ, columns: ["id"], masks: {}, rowFilter: "id < 2", reasons: [] });
    expect(await f.run("SELECT * FROM files.raw.events ORDER BY id", { options: { readPolicy } })).toEqual([{ id: "0" }, { id: "1" }]);
    await expect(f.plan("SELECT * FROM files.raw.events AT (VERSION => 1)")).rejects.toThrow("events is not an Iceberg table: AT (…) applies to Iceberg tables only.");
  });
});

describe("errors inside a secured relation", () => {
  it("point at the table reference", async () => {
    const readPolicy: ReadPolicyFn = () => ({ ...FULL_READ, columns: null, masks: { customer: "customer + 1" }, rowFilter: null, reasons: [] });
    const statement = splitStatements("SELECT *\nFROM   orders")[0];
    const plan = await planQuery(f.ctx(), statement, { readPolicy });
    if (plan.kind !== "query") throw new Error("not a query");
    const error = await f.sandbox.runAndReadAll(plan.sql).catch((e: unknown) => e);
    const explained = explainError(error, plan, statement);
    expect(explained).toMatchObject({ line: 2, column: 8 });
    expect(explained.message).not.toMatch(/read_parquet|tarn_|\/tmp/);
  });
});
