/**
 * A fresh, migrated metadata database for one test file, on the provider the run is for:
 * TARN_TEST_DB=sqlite (default) or postgresql (a new database on the local server,
 * TARN_TEST_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres). Dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";

export interface TestDatabase {
  db: Db;
  url: string;
  provider: "sqlite" | "postgresql";
  drop: () => Promise<void>;
}

export function testProvider(): "sqlite" | "postgresql" {
  const value = process.env.TARN_TEST_DB ?? "sqlite";
  if (value !== "sqlite" && value !== "postgresql")
    throw new Error(`TARN_TEST_DB must be sqlite or postgresql, not ${value}`);
  return value;
}

export async function freshDatabase(): Promise<TestDatabase> {
  return testProvider() === "sqlite" ? freshSqlite() : freshPostgres();
}

async function freshSqlite(): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), "tarn-test-"));
  const url = `file:${path.join(dir, "tarn.db")}`;
  await migrate(url);
  const db = createDb(url);
  return {
    db,
    url,
    provider: "sqlite",
    drop: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function pgAdminUrl(): string {
  return process.env.TARN_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgAdminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function freshPostgres(): Promise<TestDatabase> {
  const name = `tarn_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(pgAdminUrl());
  url.pathname = `/${name}`;
  await migrate(url.toString());
  const db = createDb(url.toString());
  return {
    db,
    url: url.toString(),
    provider: "postgresql",
    drop: async () => {
      await db.$disconnect();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
