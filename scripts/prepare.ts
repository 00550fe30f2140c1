/**
 * Everything `npm start` does before serving, also used by the e2e tests' server:
 * data folders, the session secret, migrations, and the first-run admin.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { ensureAdmin } from "@/lib/auth";
import { ensureDefaultStorage } from "@/lib/catalog";
import { readConfig, redactUrl, type TarnConfig } from "@/lib/config";
import { createDb } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { seedDemo } from "@/lib/demo/seed";
import { LocalFileIO } from "@/lib/iceberg/io";

export interface Prepared {
  config: TarnConfig;
  adminPassword?: string;
  appliedMigrations: string[];
  demoCreated: boolean;
}

export async function prepare(env: NodeJS.ProcessEnv = process.env): Promise<Prepared> {
  const config = readConfig(env);
  for (const dir of [config.dataDir, config.warehouseDir, config.resultsDir]) mkdirSync(dir, { recursive: true });
  env.NEXTAUTH_SECRET ||= sessionSecret(config.dataDir);
  env.NEXTAUTH_URL ||= `http://localhost:${config.port}`;
  env.DATABASE_URL = config.databaseUrl;
  env.TARN_DATA_DIR = config.dataDir;
  let appliedMigrations: string[];
  try {
    appliedMigrations = await migrate(config.databaseUrl);
  } catch (error) {
    throw new Error(`Could not prepare the metadata database at ${redactUrl(config.databaseUrl)}: ${(error as Error).message}`);
  }
  const db = createDb(config.databaseUrl);
  try {
    const admin = await ensureAdmin(db, env.TARN_ADMIN_PASSWORD || undefined);
    await ensureDefaultStorage(db, config.warehouseDir);
    const demoCreated = env.TARN_DEMO_DATA === "off" ? false : await createDemoData(db);
    return { config, adminPassword: admin.generatedPassword, appliedMigrations, demoCreated };
  } finally {
    await db.$disconnect();
  }
}

/** The `demo` catalog with about a million rows, on first start only (TARN_DEMO_DATA=off skips it). */
async function createDemoData(db: ReturnType<typeof createDb>): Promise<boolean> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    return await seedDemo(db, new LocalFileIO(), connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The key that signs session cookies: generated once, kept beside the data (mode 600). */
function sessionSecret(dataDir: string): string {
  const file = path.join(dataDir, ".session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
