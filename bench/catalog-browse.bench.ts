/**
 * Browsing a big catalog on SQLite: 100,000 tables in one namespace (plus 40 catalogs and
 * 400 namespaces around them), inserted directly as real rows of the real schema. Times
 * the tree pages (root, a catalog, the first and a deep page of the big namespace; goal
 * p95 < 50 ms) and search for several kinds of query (goal p95 < 100 ms), tags included:
 * the big catalog is tagged domain=ops (every table inherits it), a quarter of the small
 * namespaces domain=sales, every 100th big table pii=true and every 500th one's email
 * column class=pii.
 *
 *   npm run bench -- catalog-browse          (BENCH_BROWSE_TABLES=… to change the size)
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { SYSTEM } from "@/lib/access";
import type { CatalogContext } from "@/lib/catalog";
import { listChildren, searchCatalog } from "@/lib/catalog/browse";
import { createDb } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { LocalFileIO } from "@/lib/iceberg/io";
import { report, time } from "./harness";

const TABLES = Number(process.env.BENCH_BROWSE_TABLES ?? 100_000);
const CATALOGS = 40;
const NAMESPACES_PER_CATALOG = 10;
const RUNS = 60;

const WORDS = [
  "customer",
  "order",
  "payment",
  "invoice",
  "session",
  "click",
  "shipment",
  "product",
  "refund",
  "account",
  "ledger",
  "event",
  "campaign",
  "stock",
  "price",
  "review",
];
const COLUMNS = [
  "id",
  "created_at",
  "updated_at",
  "amount",
  "currency",
  "status",
  "country",
  "region",
  "user_id",
  "email",
  "sku",
  "quantity",
  "discount",
  "channel",
  "device",
];

/** A deterministic pseudo-random sequence, so every run builds the same catalog. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

interface TableSeed {
  name: string;
  comment: string | null;
  searchText: string;
}

function tableSeed(i: number, namespace: string, next: () => number): TableSeed {
  const a = WORDS[Math.floor(next() * WORDS.length)];
  const b = WORDS[Math.floor(next() * WORDS.length)];
  const name = `${a}_${b}_${String(i).padStart(6, "0")}`;
  const comment = next() < 0.3 ? `${a} ${b} facts${next() < 0.1 ? ", deprecated" : ""}` : null;
  const columns = COLUMNS.filter(() => next() < 0.5);
  if (i % 1000 === 7) columns.push("loyalty_tier");
  const searchText = [name, namespace, comment ?? "", ...columns]
    .filter(Boolean)
    .join("\n")
    .toLowerCase();
  return { name, comment, searchText };
}

/** Rows straight into SQLite in one transaction: what 100,000 registrations would leave behind. */
export function seed(file: string): void {
  const sqlite = new Database(file);
  const now = new Date().toISOString().replace("Z", "+00:00");
  const id = () => `b${randomBytes(12).toString("hex")}`;
  const insertCatalog = sqlite.prepare(
    `INSERT INTO "Catalog" (id, path, name, kind, comment, properties, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, '{}', ?, ?)`,
  );
  const insertNamespace = sqlite.prepare(
    `INSERT INTO "Namespace" (id, catalogId, path, parentPath, comment, properties, createdAt, updatedAt, deletedKey) VALUES (?, ?, ?, '', ?, '{}', ?, ?, '')`,
  );
  const insertTable = sqlite.prepare(
    `INSERT INTO "CatalogTable" (id, namespaceId, name, kind, options, managed, protected, comment, owner, searchText, createdAt, updatedAt, deletedKey) VALUES (?, ?, ?, 'iceberg', '{}', 1, 0, ?, 'bench', ?, ?, ?, '')`,
  );
  const next = rng(42);
  const insertKey = sqlite.prepare(
    `INSERT INTO "TagKey" (id, name, nameLower, allowedValues, createdBy, createdAt, updatedAt) VALUES (?, ?, ?, ?, 'bench', ?, ?)`,
  );
  const insertTag = sqlite.prepare(
    `INSERT INTO "TagAssignment" (id, keyId, value, valueLower, objectType, catalogId, namespaceId, tableId, fieldId, columnName, objectKey, assignedBy, assignedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?)`,
  );
  const keys = { domain: id(), pii: id(), class: id() };
  const tag = (
    key: keyof typeof keys,
    value: string,
    type: string,
    objectId: string,
    column?: string,
  ) =>
    insertTag.run(
      id(),
      keys[key],
      value,
      value,
      type,
      type === "catalog" ? objectId : null,
      type === "namespace" ? objectId : null,
      type === "table" || type === "column" ? objectId : null,
      null,
      column ?? null,
      `${type}:${objectId}${column ? `:name:${column}` : ""}`,
      now,
    );
  sqlite.transaction(() => {
    insertKey.run(keys.domain, "domain", "domain", '["sales","finance","ops"]', now, now);
    insertKey.run(keys.pii, "pii", "pii", '["true","false"]', now, now);
    insertKey.run(keys.class, "class", "class", '["pii","public"]', now, now);
    let bigNamespace = "";
    for (let c = 0; c < CATALOGS; c++) {
      const catalogId = id();
      const catalog = c === 0 ? "lake" : `catalog_${String(c).padStart(2, "0")}`;
      insertCatalog.run(
        catalogId,
        catalog,
        catalog,
        c % 3 === 0 ? "managed" : "lake",
        `The ${WORDS[c % WORDS.length]} data`,
        now,
        now,
      );
      if (c === 0) tag("domain", "ops", "catalog", catalogId);
      for (let n = 0; n < NAMESPACES_PER_CATALOG; n++) {
        const namespaceId = id();
        const namespace = c === 0 && n === 0 ? "warehouse_big" : `ns_${c}_${n}`;
        if (!bigNamespace) bigNamespace = namespaceId;
        insertNamespace.run(namespaceId, catalogId, namespace, null, now, now);
        if (c % 4 === 1) tag("domain", "sales", "namespace", namespaceId);
        // A few tables everywhere else, so search and the tree see more than one namespace.
        for (let k = 0; k < 3 && namespaceId !== bigNamespace; k++) {
          const s = tableSeed(TABLES + c * 100 + n * 3 + k, namespace, next);
          insertTable.run(id(), namespaceId, s.name, s.comment, s.searchText, now, now);
        }
      }
    }
    for (let i = 0; i < TABLES; i++) {
      const s = tableSeed(i, "warehouse_big", next);
      const tableId = id();
      insertTable.run(tableId, bigNamespace, s.name, s.comment, s.searchText, now, now);
      if (i % 100 === 3) tag("pii", "true", "table", tableId);
      if (i % 500 === 11) tag("class", "pii", "column", tableId, "email");
    }
  })();
  sqlite.close();
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "tarn-bench-browse-"));
  const file = path.join(dir, "tarn.db");
  const url = `file:${file}`;
  await migrate(url);
  const started = performance.now();
  seed(file);
  const seedMs = performance.now() - started;
  const db = createDb(url);
  const ctx: CatalogContext = { db, io: new LocalFileIO(), actor: SYSTEM };
  try {
    const big = { kind: "namespace" as const, catalog: "lake", namespace: ["warehouse_big"] };
    const deep = await listChildren(ctx, big, { limit: 100 });
    let cursor = deep.nextCursor ?? undefined;
    for (let i = 0; i < 5; i++)
      cursor = (await listChildren(ctx, big, { limit: 1000, cursor })).nextCursor ?? undefined;
    const tree = {
      root: await time(() => listChildren(ctx, { kind: "root" }, { limit: 100 }), {
        runs: RUNS,
        warmup: 3,
      }),
      catalog: await time(
        () => listChildren(ctx, { kind: "catalog", catalog: "lake" }, { limit: 100 }),
        { runs: RUNS, warmup: 3 },
      ),
      namespaceFirst: await time(() => listChildren(ctx, big, { limit: 100 }), {
        runs: RUNS,
        warmup: 3,
      }),
      namespaceDeep: await time(() => listChildren(ctx, big, { limit: 100, cursor }), {
        runs: RUNS,
        warmup: 3,
      }),
    };
    const queries: Record<string, string> = {
      exact: "payment_refund_004217",
      prefix: "customer_order",
      broad: "order",
      column: "loyalty_tier",
      comment: "deprecated",
      twoWords: "refund deprecated",
      everywhere: "id",
      none: "zzzz",
      tagWord: "pii",
      tagExact: "domain=sales",
      tagInherited: "domain=ops",
      tagAndWord: "refund pii",
    };
    const search: Record<string, Awaited<ReturnType<typeof time>>> = {};
    for (const [label, q] of Object.entries(queries))
      search[label] = await time(() => searchCatalog(ctx, q, { limit: 20 }), {
        runs: RUNS,
        warmup: 3,
      });
    const figures: Record<string, number | string> = {
      tables: TABLES + CATALOGS * NAMESPACES_PER_CATALOG * 3 - 3,
      seed_ms: Math.round(seedMs),
    };
    const goals: Record<string, string> = {};
    for (const [label, t] of Object.entries(tree)) {
      figures[`tree.${label}.p50_ms`] = t.medianMs;
      figures[`tree.${label}.p95_ms`] = t.p95Ms;
      goals[`tree.${label}.p95_ms`] = "< 50";
    }
    for (const [label, t] of Object.entries(search)) {
      figures[`search.${label}.p50_ms`] = t.medianMs;
      figures[`search.${label}.p95_ms`] = t.p95Ms;
      goals[`search.${label}.p95_ms`] = "< 100";
    }
    report("catalog browse (SQLite, 100,000 tables in one namespace)", figures, goals);
  } finally {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}
