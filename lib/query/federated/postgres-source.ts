/**
 * Reading rows from PostgreSQL: the extended protocol (parameters bound, never spliced),
 * every value kept as the server's text (DuckDB parses it, column-types.ts), rows handed
 * on as they arrive instead of collected. The session is read-only, in UTC, with ISO dates.
 */
import pg from "pg";
import { type FederatedConnection, postgresConnectOptions } from "@/lib/catalog/federated";
import type { SourceConnection } from "./source";

const SESSION_OPTIONS = [
  "default_transaction_read_only=on",
  "TimeZone=UTC",
  "DateStyle=ISO",
  "IntervalStyle=postgres",
  "bytea_output=hex",
  "extra_float_digits=1",
]
  .map((o) => `-c ${o}`)
  .join(" ");

/** Stops the statement running on backend `pid`, from a connection of its own. */
async function cancelBackend(c: FederatedConnection, pid: number): Promise<void> {
  const other = new pg.Client(clientConfig(c));
  other.on("error", () => {});
  try {
    await other.connect();
    await other.query("SELECT pg_cancel_backend($1)", [pid]);
  } finally {
    await other.end().catch(() => {});
  }
}

/** Every type as the text the server sent. */
const RAW_TEXT = { getTypeParser: () => (value: string) => value };

function clientConfig(c: FederatedConnection): pg.ClientConfig {
  return {
    ...postgresConnectOptions(c),
    application_name: "tarn-query",
    options: SESSION_OPTIONS,
  };
}

export async function openPostgresSource(c: FederatedConnection): Promise<SourceConnection> {
  const client = new pg.Client(clientConfig(c));
  // Errors after connecting (server gone) arrive as events; the running query fails too.
  client.on("error", () => {});
  await client.connect();
  let running: pg.Query | null = null;
  return {
    stream(statement, onRow) {
      const config: pg.QueryArrayConfig = {
        text: statement.sql,
        values: statement.params,
        rowMode: "array",
        types: RAW_TEXT as pg.CustomTypesConfig,
      };
      const query = new pg.Query(config);
      running = query;
      return new Promise<void>((resolve, reject) => {
        query.on("row", (row: unknown[]) => onRow(row));
        query.on("end", () => resolve());
        query.on("error", reject);
        client.query(query);
      }).finally(() => {
        running = null;
      });
    },
    async cancel() {
      if (running) await cancelBackend(c, (client as unknown as { processID: number }).processID);
    },
    async close() {
      await client.end().catch(() => {});
    },
  };
}
