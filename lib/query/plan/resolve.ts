/**
 * A table name as written → the catalog object it means, for the session's current
 * catalog and namespace:
 *   `t` → session catalog and namespace; `ns.t` → namespace `ns` of the session catalog;
 *   `a.b.t` → catalog `a`, namespace `b` when catalog `a` exists, else levels `a.b` of
 *   the session catalog; `cat.l1.l2.t` (prepare-text.ts) → catalog and levels.
 * Exact names first, then a unique case-insensitive match (unquoted SQL names are
 * case-insensitive). A miss says what is closest — only among names the person may see.
 * `t$snapshots` and the other metadata tables (Trino's naming) resolve to their table.
 */
import { catalogVisibility } from "@/lib/access";
import { Prisma } from "@/lib/db";
import { displayName, listFederatedSchemas, listFederatedTables, NAMESPACE_SEPARATOR, namespacePath, type TableIdent, type TableRow } from "./catalog-deps";
import { closest } from "./closest";
import { type InformationRef, informationRef } from "./information-schema";
import { PlanError, refused } from "./plan-error";
import type { QueryContext } from "../types";

export const METADATA_SUFFIXES = ["snapshots", "history", "files", "manifests", "partitions", "refs", "entries"] as const;
export type MetadataSuffix = (typeof METADATA_SUFFIXES)[number];

export type Resolved =
  | { kind: "iceberg" | "view" | "external"; ident: TableIdent; row: ObjectRow }
  | { kind: "metadata"; ident: TableIdent; row: ObjectRow; table: MetadataSuffix }
  | { kind: "federated"; ident: TableIdent }
  /** Tarn's information_schema (information-schema.ts); `ident` names it for messages. */
  | { kind: "information"; ident: TableIdent; ref: InformationRef };

/** The object's CatalogTable row, as read while resolving (a table's is handed on to its scan). */
export type ObjectRow = TableRow;

interface CatalogRow {
  id: string;
  path: string;
  kind: string;
}

const PATH_LIKE = /[/\\]|^[a-z0-9+]+:|\.(csv|tsv|txt|parquet|json|jsonl|ndjson|gz|zst|arrow|xlsx|db|duckdb|sqlite|avro|orc)$/i;

/** DuckDB's and PostgreSQL's own catalogs: they describe the engine, never Tarn's tables. */
const ENGINE_SCHEMAS = new Set(["information_schema", "pg_catalog", "system", "temp", "memory"]);
const ENGINE_TABLES = /^(sqlite_(master|schema|temp_master|temp_schema)|pg_(tables|class|namespace|attribute|views|proc|type|settings|database|index|indexes)|duckdb_\w+)$/i;

/**
 * Catalog and namespace rows already looked up while planning one statement: its table
 * references mostly share them (TPC-H's Q2 reads five tables of one namespace). Made per
 * statement, so nothing outlives the plan; each lookup still goes through the visibility rules.
 */
export class Lookups {
  readonly catalogs = new Map<string, Promise<CatalogRow | null>>();
  readonly namespaces = new Map<string, Promise<{ id: string; path: string } | null>>();
  /** Names spelled exactly as a catalog object's, found by `findExactObjects` (null: none is). */
  readonly exact = new Map<string, Resolved | null>();
}

/**
 * A name that Tarn's catalog does not have but DuckDB's does is refused as such, except
 * information_schema's tables, which Tarn has as its own (information-schema.ts).
 */
export async function resolveTable(ctx: QueryContext, parts: string[], position?: number, lookups = new Lookups()): Promise<Resolved> {
  try {
    return await resolveCatalogTable(ctx, parts, position, lookups);
  } catch (error) {
    const information = informationRef(parts);
    if (information && error instanceof PlanError && / does not exist/.test(error.message)) {
      const ident = information.catalog === null ? { catalog: "information_schema", namespace: [], name: information.table } : { catalog: information.catalog, namespace: ["information_schema"], name: information.table };
      return { kind: "information", ident, ref: information };
    }
    const name = parts[parts.length - 1];
    const engine = parts.slice(0, -1).some((p) => ENGINE_SCHEMAS.has(p.toLowerCase())) || (parts.length === 1 && ENGINE_TABLES.test(name));
    if (engine && error instanceof PlanError && / does not exist|choose a/.test(error.message))
      throw refused(`DuckDB's own catalog (${parts.join(".")})`, "it describes the engine, not Tarn's catalog; use SHOW TABLES, DESCRIBE or the catalog browser", position);
    throw error;
  }
}

async function resolveCatalogTable(ctx: QueryContext, parts: string[], position: number | undefined, lookups: Lookups): Promise<Resolved> {
  const name = parts[parts.length - 1];
  const exact = await exactObject(ctx, parts, lookups);
  if (exact) return exact;
  const { catalog, namespace } = await resolveNamespace(ctx, parts.slice(0, -1), position, name, lookups);
  if (catalog.kind === "federated") {
    const schema = await federatedNamespace(ctx, catalog.path, namespace, position);
    return { kind: "federated", ident: await federatedName(ctx, { catalog: catalog.path, namespace: schema, name }, position) };
  }
  const ns = await findNamespaceRow(ctx, catalog, namespace, lookups);
  if (!ns) throw await unknownNamespace(ctx, catalog, namespace, position);
  // The namespace as the catalog spells it (`LAKE.DB.Orders` → lake.db.orders).
  const ident: TableIdent = { catalog: catalog.path, namespace: ns.path.split(NAMESPACE_SEPARATOR), name };
  const row = await findObject(ctx, ns.id, name);
  if (row) return { kind: row.kind === "view" ? "view" : row.kind === "external" ? "external" : "iceberg", ident: { ...ident, name: row.name }, row };
  const meta = /^(.*)\$([a-z]+)$/i.exec(name);
  const suffix = meta?.[2].toLowerCase() as MetadataSuffix | undefined;
  if (meta && suffix && (METADATA_SUFFIXES as readonly string[]).includes(suffix)) {
    const base = await findObject(ctx, ns.id, meta[1]);
    if (base && base.kind !== "view" && base.kind !== "external")
      return { kind: "metadata", ident: { ...ident, name: base.name }, row: base, table: suffix };
  }
  if (PATH_LIKE.test(name)) throw refused("Reading a file by its path", "query tables of the catalog instead", position);
  const names = await ctx.db.catalogTable.findMany({
    where: { AND: [catalogVisibility(ctx.actor).table, { namespaceId: ns.id, deletedKey: "" }] },
    select: { name: true },
  });
  const where = `${catalog.path}.${displayName(namespace)}`;
  throw new PlanError(`Table ${shown(name)} does not exist in ${where}.${suggest(name, names.map((n) => n.name))}`, position);
}

/**
 * The common case in one indexed query: the name as written is exactly a catalog
 * object's, and nothing is hidden from the person (no visibility filter applies). Any
 * other case — case folding, metadata tables, federated catalogs, a miss, filters — takes
 * the general path below, which reaches the same answer through separate lookups.
 */
async function exactObject(ctx: QueryContext, parts: string[], lookups: Lookups): Promise<Resolved | null> {
  const ident = nothingHidden(ctx) ? writtenIdent(ctx, parts) : null;
  if (!ident) return null;
  const found = lookups.exact.get(identKey(ident));
  if (found !== undefined) return found;
  return (await exactRows(ctx, [ident])).get(identKey(ident)) ?? null;
}

/**
 * Every name of a statement that is spelled exactly as a catalog object's, looked up
 * in one query instead of one each (TPC-H's Q8 names eight tables); `resolveTable` then
 * finds them in `lookups`.
 */
export async function findExactObjects(ctx: QueryContext, names: string[][], lookups: Lookups): Promise<void> {
  if (!nothingHidden(ctx)) return;
  const idents = new Map<string, TableIdent>();
  for (const parts of names) {
    const ident = writtenIdent(ctx, parts);
    if (ident) idents.set(identKey(ident), ident);
  }
  // One name: exactObject's own query. Past MAX_BATCHED, SQLite would run out of parameters.
  if (idents.size < 2 || idents.size > MAX_BATCHED) return;
  const found = await exactRows(ctx, [...idents.values()]);
  for (const key of idents.keys()) lookups.exact.set(key, found.get(key) ?? null);
}

/** Names looked up in one query at most (three parameters each; SQLite allows 999). */
const MAX_BATCHED = 300;

function nothingHidden(ctx: QueryContext): boolean {
  const visible = catalogVisibility(ctx.actor);
  return [visible.catalog, visible.namespace, visible.table].every((where) => Object.keys(where).length === 0);
}

const identKey = (ident: TableIdent) => [ident.catalog, namespacePath(ident.namespace), ident.name].join("\u0000");

async function exactRows(ctx: QueryContext, idents: TableIdent[]): Promise<Map<string, Resolved>> {
  const wanted = idents.map((i) => Prisma.sql`(t."name" = ${i.name} AND n."path" = ${namespacePath(i.namespace)} AND c."path" = ${i.catalog})`);
  const rows = await ctx.db.$queryRaw<Array<TableRow & { tarnNamespacePath: string; tarnCatalogPath: string }>>`
    SELECT t.*, n."path" AS "tarnNamespacePath", c."path" AS "tarnCatalogPath" FROM "CatalogTable" t
    JOIN "Namespace" n ON n."id" = t."namespaceId"
    JOIN "Catalog" c ON c."id" = n."catalogId"
    WHERE t."deletedKey" = '' AND n."deletedKey" = '' AND c."kind" <> 'federated'
      AND (${Prisma.join(wanted, " OR ")})`;
  const found = new Map<string, Resolved>();
  for (const { tarnNamespacePath, tarnCatalogPath, ...row } of rows) {
    const ident = idents.find((i) => i.name === row.name && namespacePath(i.namespace) === tarnNamespacePath && i.catalog === tarnCatalogPath);
    if (ident) found.set(identKey(ident), { kind: row.kind === "view" ? "view" : row.kind === "external" ? "external" : "iceberg", ident, row });
  }
  return found;
}

/** What the name means if every part is spelled as the catalog spells it (see qualifierNamespace). */
function writtenIdent(ctx: QueryContext, parts: string[]): TableIdent | null {
  const name = parts[parts.length - 1];
  const qualifier = parts.slice(0, -1);
  const levels = (qs: string[]) => qs.flatMap((q) => q.split(NAMESPACE_SEPARATOR));
  // With two or more qualifiers the first names a catalog when one has that name: a hit proves it has.
  if (qualifier.length >= 2) return { catalog: qualifier[0], namespace: levels(qualifier.slice(1)), name };
  const { catalog, namespace } = ctx.session;
  if (!catalog) return null;
  if (qualifier.length === 1) return { catalog, namespace: levels(qualifier), name };
  return namespace?.length ? { catalog, namespace, name } : null;
}

export interface ResolvedNamespace {
  catalog: CatalogRow;
  namespace: string[];
}

/**
 * The catalog and namespace that a table's qualifier (or `USE`) means; a namespace the
 * catalog has comes as the catalog spells it (`DB` → `db`), one it has not (CREATE SCHEMA)
 * as written.
 */
export async function resolveNamespace(ctx: QueryContext, qualifier: string[], position?: number, table?: string, lookups = new Lookups()): Promise<ResolvedNamespace> {
  const found = await qualifierNamespace(ctx, qualifier, position, table, lookups);
  if (found.catalog.kind === "federated") return found;
  const row = await findNamespaceRow(ctx, found.catalog, found.namespace, lookups);
  return row ? { catalog: found.catalog, namespace: row.path.split(NAMESPACE_SEPARATOR) } : found;
}

async function qualifierNamespace(ctx: QueryContext, qualifier: string[], position: number | undefined, table: string | undefined, lookups: Lookups): Promise<ResolvedNamespace> {
  const levels = qualifier.flatMap((q) => q.split(NAMESPACE_SEPARATOR));
  if (qualifier.length >= 2) {
    const named = await findCatalog(ctx, qualifier[0], lookups);
    if (named) return { catalog: named, namespace: qualifier.slice(1).flatMap((q) => q.split(NAMESPACE_SEPARATOR)) };
  }
  const session = ctx.session;
  if (!session.catalog) {
    if (qualifier.length >= 2) throw await unknownCatalog(ctx, qualifier[0], position);
    throw new PlanError(`${table ? `To read ${shown(table)}, ` : ""}choose a catalog first (USE catalog.namespace) or write catalog.namespace.table.`, position);
  }
  const catalog = await findCatalog(ctx, session.catalog, lookups);
  if (!catalog) throw await unknownCatalog(ctx, session.catalog, position);
  if (qualifier.length === 0) {
    if (!session.namespace?.length) throw new PlanError(`${table ? `To read ${shown(table)}, ` : ""}choose a namespace first (USE namespace) or write namespace.table.`, position);
    return { catalog, namespace: session.namespace };
  }
  return { catalog, namespace: levels };
}

function findCatalog(ctx: QueryContext, path: string, lookups: Lookups): Promise<CatalogRow | null> {
  let found = lookups.catalogs.get(path);
  if (!found) {
    found = lookupCatalog(ctx, path);
    lookups.catalogs.set(path, found);
  }
  return found;
}

async function lookupCatalog(ctx: QueryContext, path: string): Promise<CatalogRow | null> {
  const visible = catalogVisibility(ctx.actor).catalog;
  const select = { id: true, path: true, kind: true };
  const exact = await ctx.db.catalog.findFirst({ where: { AND: [visible, { path }] }, select });
  if (exact) return exact;
  const all = await ctx.db.catalog.findMany({ where: visible, select });
  const folded = all.filter((c) => c.path.toLowerCase() === path.toLowerCase());
  return folded.length === 1 ? folded[0] : null;
}

/** A federated catalog's schema as the source spells it: exact first, then a unique case-insensitive match. */
export async function federatedNamespace(ctx: QueryContext, catalogPath: string, levels: string[], position?: number): Promise<string[]> {
  const schemas = (await listFederatedSchemas(ctx, catalogPath)).map((s) => s.name);
  const wanted = displayName(levels);
  const folded = schemas.filter((s) => s.toLowerCase() === wanted.toLowerCase());
  const found = levels.length === 1 ? (schemas.find((s) => s === levels[0]) ?? (folded.length === 1 ? folded[0] : undefined)) : undefined;
  if (found) return [found];
  throw new PlanError(`Namespace ${shown(wanted)} does not exist in catalog ${catalogPath}.${suggest(wanted, schemas)}`, position);
}

function findNamespaceRow(ctx: QueryContext, catalog: CatalogRow, levels: string[], lookups: Lookups) {
  const key = `${catalog.id}\u0000${namespacePath(levels)}`;
  let found = lookups.namespaces.get(key);
  if (!found) {
    found = lookupNamespace(ctx, catalog, levels);
    lookups.namespaces.set(key, found);
  }
  return found;
}

async function lookupNamespace(ctx: QueryContext, catalog: CatalogRow, levels: string[]) {
  const visible = catalogVisibility(ctx.actor).namespace;
  const exact = await ctx.db.namespace.findFirst({ where: { AND: [visible, { catalogId: catalog.id, path: namespacePath(levels), deletedKey: "" }] }, select: { id: true, path: true } });
  if (exact) return exact;
  const all = await ctx.db.namespace.findMany({ where: { AND: [visible, { catalogId: catalog.id, deletedKey: "" }] }, select: { id: true, path: true } });
  const folded = all.filter((n) => n.path.toLowerCase() === namespacePath(levels).toLowerCase());
  return folded.length === 1 ? folded[0] : null;
}

async function findObject(ctx: QueryContext, namespaceId: string, name: string): Promise<ObjectRow | null> {
  const visible = catalogVisibility(ctx.actor).table;
  const exact = await ctx.db.catalogTable.findFirst({ where: { AND: [visible, { namespaceId, name, deletedKey: "" }] } });
  if (exact) return exact;
  const all = await ctx.db.catalogTable.findMany({ where: { AND: [visible, { namespaceId, deletedKey: "" }] }, select: { name: true } });
  const folded = all.filter((t) => t.name.toLowerCase() === name.toLowerCase());
  if (folded.length !== 1) return null;
  return ctx.db.catalogTable.findFirst({ where: { AND: [visible, { namespaceId, name: folded[0].name, deletedKey: "" }] } });
}

async function federatedName(ctx: QueryContext, ident: TableIdent, position?: number): Promise<TableIdent> {
  const tables = await listFederatedTables(ctx, ident).catch(() => {
    throw new PlanError(`Namespace ${ident.catalog}.${displayName(ident.namespace)} does not exist.`, position);
  });
  const exact = tables.find((t) => t.name === ident.name);
  const folded = tables.filter((t) => t.name.toLowerCase() === ident.name.toLowerCase());
  const found = exact ?? (folded.length === 1 ? folded[0] : undefined);
  if (found) return { ...ident, name: found.name };
  const where = `${ident.catalog}.${displayName(ident.namespace)}`;
  throw new PlanError(`Table ${shown(ident.name)} does not exist in ${where}.${suggest(ident.name, tables.map((t) => t.name))}`, position);
}

async function unknownNamespace(ctx: QueryContext, catalog: CatalogRow, levels: string[], position?: number): Promise<PlanError> {
  const all = await ctx.db.namespace.findMany({
    where: { AND: [catalogVisibility(ctx.actor).namespace, { catalogId: catalog.id, deletedKey: "" }] },
    select: { path: true },
  });
  const names = all.map((n) => displayName(n.path.split(NAMESPACE_SEPARATOR)));
  return new PlanError(`Namespace ${shown(displayName(levels))} does not exist in catalog ${catalog.path}.${suggest(displayName(levels), names)}`, position);
}

async function unknownCatalog(ctx: QueryContext, name: string, position?: number): Promise<PlanError> {
  const all = await ctx.db.catalog.findMany({ where: catalogVisibility(ctx.actor).catalog, select: { path: true } });
  return new PlanError(`Catalog ${shown(name)} does not exist.${suggest(name, all.map((c) => c.path))}`, position);
}

function suggest(name: string, candidates: string[]): string {
  const near = closest(name, candidates);
  return near.length ? ` Did you mean ${near.join(", ")}?` : "";
}

function shown(name: string): string {
  return `"${name.replaceAll(NAMESPACE_SEPARATOR, ".")}"`;
}
