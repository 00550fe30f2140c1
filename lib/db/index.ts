/**
 * The metadata store (Prisma over SQLite or PostgreSQL, chosen by DATABASE_URL).
 *
 *   const db = getDb();                 // the process-wide client
 *   await migrate(getConfig().databaseUrl);  // apply committed migrations
 *
 * Tests create their own client with `createDb(url)` against a fresh database.
 */
import { getConfig } from "@/lib/config";
import { createDb, type Db } from "./client";

export { createDb, type Db } from "./client";
export type { ApiClient, AuditEvent, Group, GroupMember, User } from "./generated/sqlite/client";
export { Prisma } from "./generated/sqlite/client";
export { listMigrations, MigrationError, migrate } from "./migrate";

// Kept on globalThis so hot reloads in development reuse one connection pool.
const holder = globalThis as unknown as { __tarnDb?: Db };

export function getDb(): Db {
  holder.__tarnDb ??= createDb(getConfig().databaseUrl);
  return holder.__tarnDb;
}

/** Replaces the process-wide client (tests, and scripts that open another database). */
export function setDb(db: Db | undefined): void {
  holder.__tarnDb = db;
}
