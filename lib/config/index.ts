/**
 * Tarn's runtime configuration, read once from the environment.
 *
 *   const { dataDir, databaseUrl, warehouseDir } = getConfig();
 *
 * Defaults give the embedded setup: everything under ./data (SQLite metadata file,
 * warehouse folder, query results). TARN_DATA_DIR moves all of it; DATABASE_URL points
 * the metadata store at PostgreSQL (postgres://…) or another SQLite file (file:…).
 */
import path from "node:path";

export type DatabaseProvider = "sqlite" | "postgresql";

export interface TarnConfig {
  dataDir: string;
  databaseUrl: string;
  databaseProvider: DatabaseProvider;
  warehouseDir: string;
  resultsDir: string;
  port: number;
}

/** Environment variables as read: tests pass plain objects. */
export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function readConfig(env: Env = process.env): TarnConfig {
  const dataDir = path.resolve(env.TARN_DATA_DIR || "data");
  const databaseUrl = env.DATABASE_URL || `file:${path.join(dataDir, "tarn.db")}`;
  const port = Number(env.PORT || 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 1 to 65535, not "${env.PORT}".`);
  }
  return {
    dataDir,
    databaseUrl,
    databaseProvider: providerOf(databaseUrl),
    warehouseDir: path.join(dataDir, "warehouse"),
    resultsDir: path.join(dataDir, "results"),
    port,
  };
}

export function providerOf(databaseUrl: string): DatabaseProvider {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  throw new ConfigError(
    `DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL); got "${redactUrl(databaseUrl)}".`,
  );
}

/** The file a `file:` URL names, resolved against the working directory. */
export function sqliteFilePath(databaseUrl: string): string {
  const raw = databaseUrl.slice("file:".length).replace(/^\/\/(?=\/)/, "");
  return path.resolve(raw.split("?")[0]);
}

/** A database URL safe to print: the password is replaced by ***. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}

let cached: TarnConfig | undefined;

export function getConfig(): TarnConfig {
  cached ??= readConfig();
  return cached;
}
