import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM, type UserPrincipal } from "@/lib/access";
import { testCatalog, type TestCatalog } from "@/tests/support/catalog";
import {
  createFederatedCatalog,
  describeFederatedTable,
  federatedConnectionInfo,
  listFederatedSchemas,
  listFederatedTables,
  refreshFederatedCatalog,
  testCatalogConnection,
  testFederatedConnection,
  updateFederatedConnection,
} from "./index";

// Sealing needs a key; never write one into the repository's data folder from a test.
process.env.TARN_SECRETS_KEY ??= randomBytes(32).toString("base64");

const PASSWORD = "s3cret-Pa55word!";
const scratch = `tarn_fed_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
const pgConnection = {
  type: "postgresql" as const,
  host: "127.0.0.1",
  port: 5432,
  database: scratch,
  user: "postgres",
  password: PASSWORD,
};
const myConnection = {
  type: "mysql" as const,
  host: "127.0.0.1",
  port: 3306,
  database: scratch,
  user: "root",
  password: "",
};
const analyst: UserPrincipal = {
  kind: "user",
  userId: "u",
  username: "ana",
  displayName: null,
  role: "analyst",
  groupIds: [],
};

async function pgRun(database: string, ...statements: string[]): Promise<void> {
  const client = new pg.Client({ host: "127.0.0.1", port: 5432, user: "postgres", database });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}

async function myRun(...statements: string[]): Promise<void> {
  const conn = await mysql.createConnection({
    host: "127.0.0.1",
    port: 3306,
    user: "root",
    multipleStatements: false,
  });
  try {
    for (const sql of statements) await conn.query(sql);
  } finally {
    await conn.end();
  }
}

let t: TestCatalog;
beforeAll(async () => {
  t = await testCatalog();
  await pgRun("postgres", `CREATE DATABASE ${scratch}`, `CREATE DATABASE ${scratch}_gone`);
  await pgRun(
    scratch,
    "CREATE SCHEMA sales",
    "COMMENT ON SCHEMA sales IS 'Orders and customers'",
    "CREATE TABLE sales.orders (id bigint PRIMARY KEY, amount numeric(12,2) NOT NULL, placed_at timestamptz, tags text[], note varchar(40))",
    "COMMENT ON TABLE sales.orders IS 'One row per order'",
    "COMMENT ON COLUMN sales.orders.amount IS 'In euros'",
    "INSERT INTO sales.orders SELECT g, g * 1.5, now(), ARRAY['a'], 'n' FROM generate_series(1, 500) g",
    "ANALYZE sales.orders",
    "CREATE VIEW sales.big_orders AS SELECT * FROM sales.orders WHERE amount > 100",
    "CREATE TABLE public.empty_one (flag boolean)",
  );
  await myRun(
    `CREATE DATABASE ${scratch}`,
    `CREATE TABLE ${scratch}.customers (id int unsigned NOT NULL PRIMARY KEY, name varchar(80) NOT NULL COMMENT 'Full name', active tinyint(1), born date, seen datetime(3)) COMMENT 'People who buy'`,
    `INSERT INTO ${scratch}.customers VALUES (1, 'Ada', 1, '1815-12-10', NOW()), (2, 'Alan', 0, '1912-06-23', NOW())`,
    `ANALYZE TABLE ${scratch}.customers`,
    `CREATE VIEW ${scratch}.active_customers AS SELECT id, name FROM ${scratch}.customers WHERE active = 1`,
  );
});
afterAll(async () => {
  await t.close();
  await pgRun(
    "postgres",
    `DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`,
    `DROP DATABASE IF EXISTS ${scratch}_gone WITH (FORCE)`,
  );
  await myRun(`DROP DATABASE IF EXISTS ${scratch}`);
});

describe("test connection", () => {
  it("answers with the server version for PostgreSQL and MariaDB", async () => {
    expect(await testFederatedConnection(SYSTEM, pgConnection)).toMatchObject({
      ok: true,
      serverVersion: expect.stringContaining("PostgreSQL"),
    });
    expect(await testFederatedConnection(SYSTEM, myConnection)).toMatchObject({
      ok: true,
      serverVersion: expect.stringMatching(/MariaDB|^\d/),
    });
  });

  it.each([
    [
      "PostgreSQL, nothing listening",
      { ...pgConnection, port: 1 },
      "unreachable",
      "Cannot reach the PostgreSQL server at 127.0.0.1:1",
    ],
    [
      "PostgreSQL, unknown user",
      { ...pgConnection, user: "nobody_here" },
      "auth",
      'The PostgreSQL server refused user "nobody_here"',
    ],
    [
      "PostgreSQL, unknown database",
      { ...pgConnection, database: "no_such_db" },
      "database",
      'There is no database "no_such_db"',
    ],
    [
      "MariaDB, wrong password",
      { ...myConnection, password: PASSWORD },
      "auth",
      'The MySQL/MariaDB server refused user "root"',
    ],
    [
      "MariaDB, unknown database",
      { ...myConnection, database: "no_such_db" },
      "database",
      'There is no database "no_such_db"',
    ],
    [
      "MariaDB, nothing listening",
      { ...myConnection, port: 1, password: PASSWORD },
      "unreachable",
      "Cannot reach the MySQL/MariaDB server",
    ],
  ])("%s: says so, without the password", async (_, connection, reason, message) => {
    const result = await testFederatedConnection(SYSTEM, connection);
    expect(result).toMatchObject({ ok: false, reason, message: expect.stringContaining(message) });
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });

  it("checks the settings before connecting, field by field", async () => {
    await expect(
      testFederatedConnection(SYSTEM, { ...pgConnection, host: "" }),
    ).rejects.toMatchObject({ code: "bad_request", message: "host: Give the host." });
    await expect(
      testFederatedConnection(SYSTEM, { ...pgConnection, port: 70000 }),
    ).rejects.toMatchObject({ fieldErrors: { port: ["The port must be from 1 to 65535."] } });
    await expect(testFederatedConnection(analyst, pgConnection)).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});

describe("federated catalogs", () => {
  it("creates a catalog with its connection sealed: neither the row nor the audit log holds the password", async () => {
    await createFederatedCatalog(t.db, SYSTEM, {
      name: "shop",
      comment: "The web shop",
      connection: pgConnection,
    });
    const row = await t.db.catalog.findUniqueOrThrow({ where: { path: "shop" } });
    expect(row).toMatchObject({ kind: "federated", comment: "The web shop", rootPath: null });
    expect(row.connectionSecret).toMatch(/^tarn-secret:v1:/);
    expect(row.connectionSecret).not.toContain(PASSWORD);
    expect(row.connectionSecret).not.toContain("127.0.0.1");
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "catalog.create", targetId: row.id },
    });
    expect(JSON.parse(audit.details)).toEqual({
      path: "shop",
      kind: "federated",
      connection: `postgresql://postgres@127.0.0.1:5432/${scratch}`,
    });
    expect(await federatedConnectionInfo(t.db, SYSTEM, "shop")).toEqual({
      ...pgConnection,
      password: undefined,
      ssl: "disable",
      hasPassword: true,
    });
    expect(await testCatalogConnection(t.db, SYSTEM, "shop")).toMatchObject({ ok: true });
  });

  it("refuses a connection that does not work, a taken name, and non-admins", async () => {
    await expect(
      createFederatedCatalog(t.db, SYSTEM, {
        name: "broken",
        connection: { ...pgConnection, database: "no_such_db" },
      }),
    ).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringContaining('There is no database "no_such_db"'),
    });
    expect(await t.db.catalog.findUnique({ where: { path: "broken" } })).toBeNull();
    await expect(
      createFederatedCatalog(t.db, SYSTEM, { name: "shop", connection: pgConnection }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      createFederatedCatalog(t.db, analyst, { name: "mine", connection: pgConnection }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("lists PostgreSQL schemas as namespaces, and their tables and views with estimates", async () => {
    const schemas = await listFederatedSchemas(t.as(analyst), "shop");
    expect(schemas).toEqual([
      { name: "public", comment: "standard public schema" },
      { name: "sales", comment: "Orders and customers" },
    ]);
    const tables = await listFederatedTables(t.as(analyst), {
      catalog: "shop",
      namespace: ["sales"],
    });
    expect(tables).toEqual([
      { schema: "sales", name: "big_orders", kind: "view", comment: null, rowEstimate: null },
      {
        schema: "sales",
        name: "orders",
        kind: "table",
        comment: "One row per order",
        rowEstimate: 500,
      },
    ]);
  });

  it("describes a PostgreSQL table's columns with Iceberg-like types", async () => {
    const { table, columns } = await describeFederatedTable(t.ctx, {
      catalog: "shop",
      namespace: ["sales"],
      name: "orders",
    });
    expect(table.kind).toBe("table");
    expect(columns.map((c) => [c.name, c.type, c.nativeType, c.nullable, c.comment])).toEqual([
      ["id", "long", "bigint", false, null],
      ["amount", "decimal(12, 2)", "numeric(12,2)", false, "In euros"],
      ["placed_at", "timestamptz", "timestamp with time zone", true, null],
      ["tags", "list<string>", "text[]", true, null],
      ["note", "string", "character varying(40)", true, null],
    ]);
  });

  it("answers from a short cache, and asks again after a refresh", async () => {
    await pgRun(scratch, "CREATE TABLE sales.refunds (id bigint)");
    const names = async () =>
      (await listFederatedTables(t.ctx, { catalog: "shop", namespace: ["sales"] })).map(
        (x) => x.name,
      );
    expect(await names()).not.toContain("refunds");
    await refreshFederatedCatalog(t.ctx, "shop");
    expect(await names()).toContain("refunds");
  });

  it("says what does not exist", async () => {
    await expect(
      listFederatedTables(t.ctx, { catalog: "shop", namespace: ["nope"] }),
    ).rejects.toMatchObject({ code: "not_found", message: "Namespace nope does not exist." });
    await expect(
      describeFederatedTable(t.ctx, { catalog: "shop", namespace: ["sales"], name: "nope" }),
    ).rejects.toMatchObject({ code: "not_found", message: "Table sales.nope does not exist." });
    await expect(listFederatedSchemas(t.ctx, "lake")).rejects.toMatchObject({
      code: "bad_request",
      message: "Catalog lake is not a federated catalog.",
    });
    await expect(listFederatedSchemas(t.ctx, "nope")).rejects.toMatchObject({ code: "not_found" });
  });

  it("lists a MariaDB database as one namespace, with its tables and columns", async () => {
    await createFederatedCatalog(t.db, SYSTEM, { name: "crm", connection: myConnection });
    expect(await listFederatedSchemas(t.ctx, "crm")).toEqual([{ name: scratch, comment: null }]);
    const tables = await listFederatedTables(t.ctx, { catalog: "crm", namespace: [scratch] });
    expect(tables.map((x) => [x.name, x.kind, x.comment])).toEqual([
      ["active_customers", "view", null],
      ["customers", "table", "People who buy"],
    ]);
    expect(tables[1].rowEstimate).toBe(2);
    const { columns } = await describeFederatedTable(t.ctx, {
      catalog: "crm",
      namespace: [scratch],
      name: "customers",
    });
    expect(columns.map((c) => [c.name, c.type, c.nullable, c.comment])).toEqual([
      ["id", "long", false, null],
      ["name", "string", false, "Full name"],
      ["active", "boolean", true, null],
      ["born", "date", true, null],
      ["seen", "timestamp", true, null],
    ]);
  });

  it("changes the connection keeping the stored password, and reports a database that went away as unavailable", async () => {
    const info = await updateFederatedConnection(t.db, SYSTEM, "shop", {
      database: `${scratch}_gone`,
    });
    expect(info).toMatchObject({ database: `${scratch}_gone`, hasPassword: true });
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "catalog.connection.update" },
    });
    expect(JSON.parse(audit.details)).toMatchObject({ changed: ["database"] });
    expect(await listFederatedSchemas(t.ctx, "shop")).toEqual([
      { name: "public", comment: "standard public schema" },
    ]);
    await pgRun("postgres", `DROP DATABASE ${scratch}_gone WITH (FORCE)`);
    await refreshFederatedCatalog(t.ctx, "shop");
    await expect(listFederatedSchemas(t.ctx, "shop")).rejects.toMatchObject({
      code: "unavailable",
      message: expect.stringContaining(`There is no database "${scratch}_gone"`),
    });
    await expect(
      updateFederatedConnection(t.db, SYSTEM, "shop", { port: 1 }),
    ).rejects.toMatchObject({ code: "bad_request" });
  });
});
