/**
 * A connection to a federated database for one statement: stream one SELECT's rows,
 * cancel it on the server, close. Opened per statement and never pooled, so nothing a
 * statement leaves behind (session settings, a half-read result) reaches another.
 */
import type { FederatedConnection } from "@/lib/catalog/federated";
import { openMysqlSource } from "./mysql-source";
import { openPostgresSource } from "./postgres-source";
import type { SourceStatement } from "./source-sql";

export interface SourceConnection {
  /** Calls `onRow` with each row's values in column order; resolves after the last. */
  stream(statement: SourceStatement, onRow: (values: unknown[]) => void): Promise<void>;
  /** Asks the server to stop the running statement; `stream` then rejects. */
  cancel(): Promise<void>;
  close(): Promise<void>;
}

export type OpenSource = (connection: FederatedConnection) => Promise<SourceConnection>;

export const openSource: OpenSource = (c) =>
  c.type === "postgresql" ? openPostgresSource(c) : openMysqlSource(c);
