/**
 * Applies the committed migrations (prisma/migrations/<provider>/NNNN_name/migration.sql)
 * that a database has not seen yet, each in its own transaction, and records them in
 * `_tarn_migrations` with a checksum so an edited migration is caught, not re-run.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { type DatabaseProvider, providerOf, sqliteFilePath } from "@/lib/config";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

export function defaultMigrationsDir(): string {
  return path.resolve(process.env.TARN_MIGRATIONS_DIR || path.join(process.cwd(), "prisma/migrations"));
}

export function listMigrations(provider: DatabaseProvider, root = defaultMigrationsDir()): Migration[] {
  const dir = path.join(root, provider);
  if (!existsSync(dir)) throw new MigrationError(`No migrations found at ${dir}.`);
  return readdirSync(dir)
    .filter((name) => /^\d{4}_/.test(name))
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Brings the database at `databaseUrl` up to date; returns the names it applied. */
export async function migrate(databaseUrl: string, root?: string): Promise<string[]> {
  const provider = providerOf(databaseUrl);
  const migrations = listMigrations(provider, root);
  return provider === "sqlite"
    ? migrateSqlite(sqliteFilePath(databaseUrl), migrations)
    : migratePostgres(databaseUrl, migrations);
}

function pending(applied: Map<string, string>, migrations: Migration[]): Migration[] {
  for (const [name, checksum] of applied) {
    const known = migrations.find((m) => m.name === name);
    if (known && known.checksum !== checksum) {
      throw new MigrationError(`Migration ${name} was changed after it was applied; restore it and add a new one.`);
    }
  }
  return migrations.filter((m) => !applied.has(m.name));
}

const LEDGER_DDL = `CREATE TABLE IF NOT EXISTS _tarn_migrations (
  name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`;

function migrateSqlite(file: string, migrations: Migration[]): string[] {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 10_000 });
  try {
    // WAL lets the studio read while a writer commits, and survives across connections.
    db.pragma("journal_mode = WAL");
    db.exec(LEDGER_DDL);
    db.exec("BEGIN IMMEDIATE");
    try {
      const rows = db.prepare("SELECT name, checksum FROM _tarn_migrations").all() as { name: string; checksum: string }[];
      const todo = pending(new Map(rows.map((r) => [r.name, r.checksum])), migrations);
      const record = db.prepare("INSERT INTO _tarn_migrations (name, checksum, applied_at) VALUES (?, ?, ?)");
      for (const m of todo) {
        db.exec(m.sql);
        record.run(m.name, m.checksum, new Date().toISOString());
      }
      db.exec("COMMIT");
      return todo.map((m) => m.name);
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }
  } finally {
    db.close();
  }
}

// Any constant works; it only keeps two starting processes from migrating at once.
const PG_MIGRATION_LOCK = 7_314_159;

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PG_MIGRATION_LOCK]);
    await client.query(LEDGER_DDL);
    const { rows } = await client.query<{ name: string; checksum: string }>("SELECT name, checksum FROM _tarn_migrations");
    const todo = pending(new Map(rows.map((r) => [r.name, r.checksum])), migrations);
    for (const m of todo) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query("INSERT INTO _tarn_migrations (name, checksum, applied_at) VALUES ($1, $2, $3)", [
          m.name,
          m.checksum,
          new Date().toISOString(),
        ]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new MigrationError(`Migration ${m.name} failed: ${(error as Error).message}`);
      }
    }
    return todo.map((m) => m.name);
  } finally {
    await client.end();
  }
}
