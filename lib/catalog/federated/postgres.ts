/**
 * A federated PostgreSQL database: schemas, tables and views read live from the system
 * catalogs (never copied). One short-lived connection per question; callers cache.
 */
import pg from "pg";
import type { FederatedConnection } from "./connection";
import { CONNECT_TIMEOUT_MS, connectionProblem } from "./problems";
import type { RemoteColumn, RemoteDatabase, RemoteSchema, RemoteTable } from "./remote";
import { postgresTypeToIceberg } from "./type-mapping";

const QUERY_TIMEOUT_MS = 15_000;

/** How Tarn reaches a PostgreSQL source: TLS as configured, the connect timeout. */
export function postgresConnectOptions(c: FederatedConnection): pg.ClientConfig {
  return {
    host: c.host,
    port: c.port,
    database: c.database,
    user: c.user,
    password: c.password,
    ssl: c.ssl === "disable" ? false : { rejectUnauthorized: c.ssl === "verify-full" },
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  };
}

export function postgresDatabase(c: FederatedConnection): RemoteDatabase {
  return {
    ping: () =>
      withClient(
        c,
        async (client) => (await client.query<{ v: string }>("SELECT version() AS v")).rows[0].v,
      ),
    schemas: () => withClient(c, listSchemas),
    tables: (schema) => withClient(c, (client) => listTables(client, schema)),
    columns: (schema, table) => withClient(c, (client) => listColumns(client, schema, table)),
  };
}

async function withClient<T>(
  c: FederatedConnection,
  fn: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({
    ...postgresConnectOptions(c),
    query_timeout: QUERY_TIMEOUT_MS,
    application_name: "tarn-catalog",
  });
  // Errors after connecting (server gone) arrive as events; the query that waits on them fails too.
  client.on("error", () => {});
  try {
    await client.connect();
    return await fn(client);
  } catch (error) {
    throw connectionProblem(c, error);
  } finally {
    await client.end().catch(() => {});
  }
}

async function listSchemas(client: pg.Client): Promise<RemoteSchema[]> {
  const { rows } = await client.query<{ name: string; comment: string | null }>(`
    SELECT n.nspname AS name, obj_description(n.oid, 'pg_namespace') AS comment
    FROM pg_namespace n
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
      AND has_schema_privilege(n.oid, 'USAGE')
    ORDER BY n.nspname`);
  return rows;
}

const KINDS: Record<string, RemoteTable["kind"]> = {
  r: "table",
  p: "table",
  f: "table",
  v: "view",
  m: "view",
};

async function listTables(client: pg.Client, schema: string): Promise<RemoteTable[]> {
  // Partitions are reached through their parent table, as in psql's \dt.
  const { rows } = await client.query<{
    name: string;
    kind: string;
    comment: string | null;
    estimate: string | null;
  }>(
    `SELECT c.relname AS name, c.relkind AS kind, obj_description(c.oid, 'pg_class') AS comment,
            CASE WHEN c.relkind IN ('r', 'p', 'm') AND c.reltuples >= 0 THEN c.reltuples::bigint END AS estimate
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'f', 'v', 'm') AND NOT c.relispartition
     ORDER BY c.relname`,
    [schema],
  );
  return rows.map((r) => ({
    schema,
    name: r.name,
    kind: KINDS[r.kind],
    comment: r.comment,
    rowEstimate: r.estimate === null ? null : Number(r.estimate),
  }));
}

async function listColumns(
  client: pg.Client,
  schema: string,
  table: string,
): Promise<RemoteColumn[] | null> {
  const { rows } = await client.query<{
    name: string | null;
    position: number | null;
    type: string | null;
    notnull: boolean | null;
    comment: string | null;
  }>(
    `SELECT a.attname AS name, a.attnum AS position, format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS notnull, col_description(c.oid, a.attnum) AS comment
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p', 'f', 'v', 'm')
     ORDER BY a.attnum`,
    [schema, table],
  );
  if (rows.length === 0) return null;
  return rows
    .filter((r) => r.name !== null)
    .map((r) => ({
      name: r.name as string,
      position: Number(r.position),
      type: postgresTypeToIceberg(r.type ?? ""),
      nativeType: r.type ?? "",
      nullable: !r.notnull,
      comment: r.comment,
    }));
}
