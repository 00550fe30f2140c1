import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { providerOf, sqliteFilePath } from "@/lib/config";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";

/**
 * The metadata store. Both generated clients have the same models and API (they come
 * from one prisma/models.prisma), so the SQLite client's type serves for both.
 */
export type Db = SqliteClient;

const SQLITE_BUSY_TIMEOUT_MS = 10_000;

export function createDb(databaseUrl: string): Db {
  if (providerOf(databaseUrl) === "sqlite") {
    const adapter = new PrismaBetterSQLite3({
      url: sqliteFilePath(databaseUrl),
      timeout: SQLITE_BUSY_TIMEOUT_MS,
    });
    const client = new SqliteClient({ adapter });
    // WAL (set by the migrations) with synchronous=NORMAL: no fsync per commit, still
    // never corrupt; a power cut may lose the last moments, a process crash loses nothing.
    // The adapter keeps one connection and runs queries in order, so this comes first.
    client.$queryRawUnsafe("PRAGMA synchronous = NORMAL").catch(() => {});
    return client;
  }
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10 });
  return new PostgresClient({ adapter }) as unknown as Db;
}
