/**
 * A federated MySQL or MariaDB database. Its "database" is what other systems call a
 * schema, so the one database of the connection is the catalog's one namespace.
 * Read live from information_schema; one short-lived connection per question.
 */
import mysql from "mysql2/promise";
import type { FederatedConnection } from "./connection";
import { CONNECT_TIMEOUT_MS, connectionProblem } from "./problems";
import type { RemoteColumn, RemoteDatabase, RemoteTable } from "./remote";
import { mysqlTypeToIceberg } from "./type-mapping";

const QUERY_TIMEOUT_MS = 15_000;

/** How Tarn reaches a MySQL/MariaDB source: TLS as configured, 64-bit numbers as text. */
export function mysqlConnectOptions(c: FederatedConnection) {
  return {
    host: c.host,
    port: c.port,
    user: c.user,
    password: c.password,
    database: c.database,
    connectTimeout: CONNECT_TIMEOUT_MS,
    ssl: c.ssl === "disable" ? undefined : { rejectUnauthorized: c.ssl === "verify-full" },
    supportBigNumbers: true,
    bigNumberStrings: true,
  };
}

export function mysqlDatabase(c: FederatedConnection): RemoteDatabase {
  return {
    ping: () =>
      withConnection(c, async (conn) => firstValue(await conn.query("SELECT VERSION() AS v"), "v")),
    schemas: async () => {
      const rows = await withConnection(c, (conn) =>
        query(
          conn,
          "SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?",
          [c.database],
        ),
      );
      return rows.map((r) => ({ name: String(r.name), comment: null }));
    },
    tables: (schema) => withConnection(c, (conn) => listTables(conn, schema)),
    columns: (schema, table) => withConnection(c, (conn) => listColumns(conn, schema, table)),
  };
}

type Row = Record<string, unknown>;

async function withConnection<T>(
  c: FederatedConnection,
  fn: (conn: mysql.Connection) => Promise<T>,
): Promise<T> {
  let conn: mysql.Connection | undefined;
  try {
    conn = await mysql.createConnection(mysqlConnectOptions(c));
    conn.on("error", () => {});
    return await fn(conn);
  } catch (error) {
    throw connectionProblem(c, error);
  } finally {
    await conn?.end().catch(() => {});
  }
}

async function query(conn: mysql.Connection, sql: string, params: unknown[]): Promise<Row[]> {
  const [rows] = await conn.query({ sql, timeout: QUERY_TIMEOUT_MS }, params);
  return rows as Row[];
}

function firstValue(result: [unknown, unknown], key: string): string {
  return String((result[0] as Row[])[0][key]);
}

async function listTables(conn: mysql.Connection, schema: string): Promise<RemoteTable[]> {
  const rows = await query(
    conn,
    `SELECT TABLE_NAME AS name, TABLE_TYPE AS kind, TABLE_COMMENT AS comment, TABLE_ROWS AS estimate
     FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME`,
    [schema],
  );
  return rows.map((r) => ({
    schema,
    name: String(r.name),
    kind: r.kind === "VIEW" ? "view" : "table",
    // Views carry the comment "VIEW" in MySQL; that says nothing.
    comment: r.comment && r.kind !== "VIEW" ? String(r.comment) : null,
    rowEstimate: r.estimate === null || r.estimate === undefined ? null : Number(r.estimate),
  }));
}

async function listColumns(
  conn: mysql.Connection,
  schema: string,
  table: string,
): Promise<RemoteColumn[] | null> {
  const rows = await query(
    conn,
    `SELECT COLUMN_NAME AS name, ORDINAL_POSITION AS position, COLUMN_TYPE AS type, IS_NULLABLE AS nullable, COLUMN_COMMENT AS comment
     FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`,
    [schema, table],
  );
  if (rows.length === 0) return null;
  return rows.map((r) => ({
    name: String(r.name),
    position: Number(r.position),
    type: mysqlTypeToIceberg(String(r.type)),
    nativeType: String(r.type),
    nullable: r.nullable === "YES",
    comment: r.comment ? String(r.comment) : null,
  }));
}
