/**
 * The metadata store (Prisma over SQLite or PostgreSQL, chosen by DATABASE_URL).
 *
 *   const db = getDb();                 // the process-wide client
 *
 * Migrations are applied by start-up and tests through `@/lib/db/migrate` (kept out of
 * this face so the web server never bundles the migration runner).
 *
 * Tests create their own client with `createDb(url)` against a fresh database.
 */
import { getConfig } from "@/lib/config";
import { createDb, type Db } from "./client";

export { createDb, type Db } from "./client";
export type { ApiClient, AuditEvent, Group, GroupMember, User } from "./generated/sqlite/client";
export { Prisma } from "./generated/sqlite/client";

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
