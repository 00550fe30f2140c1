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
    return new SqliteClient({ adapter });
  }
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: 10 });
  return new PostgresClient({ adapter }) as unknown as Db;
}
