/**
 * Authors a new migration for both providers: `npm run db:migration -- <name>`.
 *
 * Each migration folder keeps a snapshot of prisma/models.prisma, so the next migration is
 * a datamodel-to-datamodel diff that needs no shadow database. The SQL is applied by our own
 * runner (lib/db/migrate.ts) at start-up and in tests.
 * Needs PostgreSQL reachable (TARN_PG_ADMIN_URL, default postgres://postgres@127.0.0.1:5432/postgres)
 * because Prisma's JS schema engine opens its adapter even for a datamodel diff.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { prismaCliEnv } from "./prisma-env.ts";
import { composeSchema, GENERATED_DIR, PROVIDERS, type Provider, ROOT, readModels } from "./prisma-schemas.ts";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <snake_case_name>");
  process.exit(2);
}

const pgUrl = process.env.TARN_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const models = readModels();

for (const provider of PROVIDERS) {
  const dir = path.join(ROOT, "prisma/migrations", provider);
  mkdirSync(dir, { recursive: true });
  const existing = readdirSync(dir).filter((d) => /^\d{4}_/.test(d)).sort();
  const last = existing.at(-1);
  const fromArgs = last ? ["--from-schema-datamodel", snapshotSchema(provider, path.join(dir, last))] : ["--from-empty"];
  const toSchema = path.join(GENERATED_DIR, `diff-to.${provider}.prisma`);
  writeFileSync(toSchema, composeSchema(provider, models));
  const sql = prismaDiff(provider, fromArgs, toSchema);
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log(`${provider}: no changes`);
    continue;
  }
  const folder = path.join(dir, `${String(existing.length + 1).padStart(4, "0")}_${name}`);
  mkdirSync(folder);
  writeFileSync(path.join(folder, "migration.sql"), sql);
  writeFileSync(path.join(folder, "models.prisma"), models);
  console.log(`${provider}: wrote ${path.relative(ROOT, folder)}`);
}

function snapshotSchema(provider: Provider, folder: string): string {
  const file = path.join(GENERATED_DIR, `diff-from.${provider}.prisma`);
  writeFileSync(file, composeSchema(provider, readFileSync(path.join(folder, "models.prisma"), "utf8")));
  return file;
}

function prismaDiff(provider: Provider, fromArgs: string[], toSchema: string): string {
  const config = path.join(GENERATED_DIR, `prisma.config.${provider}.ts`);
  writeFileSync(config, adapterConfig(provider));
  const cli = path.join(ROOT, "node_modules/prisma/build/index.js");
  const args = ["migrate", "diff", "--config", config, ...fromArgs, "--to-schema-datamodel", toSchema, "--script"];
  const out = execFileSync(process.execPath, [cli, ...args], { env: prismaCliEnv(), cwd: ROOT, encoding: "utf8" });
  return out.replace(/^Loaded Prisma config.*\n/m, "");
}

function adapterConfig(provider: Provider): string {
  const adapter =
    provider === "sqlite"
      ? `import { PrismaBetterSQLite3 as A } from "@prisma/adapter-better-sqlite3";\nconst make = () => new A({ url: "file:${path.join(GENERATED_DIR, "diff.db")}" });`
      : `import { PrismaPg as A } from "@prisma/adapter-pg";\nconst make = () => new A({ connectionString: ${JSON.stringify(pgUrl)} });`;
  return `import { defineConfig } from "prisma/config";\n${adapter}\nexport default defineConfig({ experimental: { adapter: true }, engine: "js", adapter: async () => make() });\n`;
}

