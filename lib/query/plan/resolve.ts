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
import { displayName, listFederatedSchemas, listFederatedTables, NAMESPACE_SEPARATOR, namespacePath, type TableIdent } from "./catalog-deps";
import { closest } from "./closest";
import { PlanError, refused } from "./plan-error";
import type { QueryContext } from "../types";

export const METADATA_SUFFIXES = ["snapshots", "history", "files", "manifests", "partitions", "refs", "entries"] as const;
export type MetadataSuffix = (typeof METADATA_SUFFIXES)[number];

export type Resolved =
  | { kind: "iceberg" | "view" | "external"; ident: TableIdent; row: ObjectRow }
  | { kind: "metadata"; ident: TableIdent; row: ObjectRow; table: MetadataSuffix }
  | { kind: "federated"; ident: TableIdent };

export interface ObjectRow {
  id: string;
  name: string;
  kind: string;
  location: string | null;
  format: string | null;
  options: string;
  metadataLocation: string | null;
}

interface CatalogRow {
  id: string;
  path: string;
  kind: string;
}

const PATH_LIKE = /[/\\]|^[a-z0-9+]+:|\.(csv|tsv|txt|parquet|json|jsonl|ndjson|gz|zst|arrow|xlsx|db|duckdb|sqlite|avro|orc)$/i;

/** DuckDB's and PostgreSQL's own catalogs: they describe the engine, never Tarn's tables. */
const ENGINE_SCHEMAS = new Set(["information_schema", "pg_catalog", "system", "temp", "memory"]);
const ENGINE_TABLES = /^(sqlite_(master|schema|temp_master|temp_schema)|pg_(tables|class|namespace|attribute|views|proc|type|settings|database|index|indexes)|duckdb_\w+)$/i;

/** A name that Tarn's catalog does not have but DuckDB's does is refused as such. */
export async function resolveTable(ctx: QueryContext, parts: string[], position?: number): Promise<Resolved> {
  try {
    return await resolveCatalogTable(ctx, parts, position);
  } catch (error) {
    const name = parts[parts.length - 1];
    const engine = parts.slice(0, -1).some((p) => ENGINE_SCHEMAS.has(p.toLowerCase())) || (parts.length === 1 && ENGINE_TABLES.test(name));
    if (engine && error instanceof PlanError && / does not exist|choose a/.test(error.message))
      throw refused(`DuckDB's own catalog (${parts.join(".")})`, "it describes the engine, not Tarn's catalog; use SHOW TABLES, DESCRIBE or the catalog browser", position);
    throw error;
  }
}

async function resolveCatalogTable(ctx: QueryContext, parts: string[], position?: number): Promise<Resolved> {
  const name = parts[parts.length - 1];
  const { catalog, namespace } = await resolveNamespace(ctx, parts.slice(0, -1), position, name);
  if (catalog.kind === "federated") {
    const schema = await federatedNamespace(ctx, catalog.path, namespace, position);
    return { kind: "federated", ident: await federatedName(ctx, { catalog: catalog.path, namespace: schema, name }, position) };
  }
  const ns = await findNamespaceRow(ctx, catalog, namespace);
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

export interface ResolvedNamespace {
  catalog: CatalogRow;
  namespace: string[];
}

/**
 * The catalog and namespace that a table's qualifier (or `USE`) means; a namespace the
 * catalog has comes as the catalog spells it (`DB` → `db`), one it has not (CREATE SCHEMA)
 * as written.
 */
export async function resolveNamespace(ctx: QueryContext, qualifier: string[], position?: number, table?: string): Promise<ResolvedNamespace> {
  const found = await qualifierNamespace(ctx, qualifier, position, table);
  if (found.catalog.kind === "federated") return found;
  const row = await findNamespaceRow(ctx, found.catalog, found.namespace);
  return row ? { catalog: found.catalog, namespace: row.path.split(NAMESPACE_SEPARATOR) } : found;
}

async function qualifierNamespace(ctx: QueryContext, qualifier: string[], position?: number, table?: string): Promise<ResolvedNamespace> {
  const levels = qualifier.flatMap((q) => q.split(NAMESPACE_SEPARATOR));
  if (qualifier.length >= 2) {
    const named = await findCatalog(ctx, qualifier[0]);
    if (named) return { catalog: named, namespace: qualifier.slice(1).flatMap((q) => q.split(NAMESPACE_SEPARATOR)) };
  }
  const session = ctx.session;
  if (!session.catalog) {
    if (qualifier.length >= 2) throw await unknownCatalog(ctx, qualifier[0], position);
    throw new PlanError(`${table ? `To read ${shown(table)}, ` : ""}choose a catalog first (USE catalog.namespace) or write catalog.namespace.table.`, position);
  }
  const catalog = await findCatalog(ctx, session.catalog);
  if (!catalog) throw await unknownCatalog(ctx, session.catalog, position);
  if (qualifier.length === 0) {
    if (!session.namespace?.length) throw new PlanError(`${table ? `To read ${shown(table)}, ` : ""}choose a namespace first (USE namespace) or write namespace.table.`, position);
    return { catalog, namespace: session.namespace };
  }
  return { catalog, namespace: levels };
}

async function findCatalog(ctx: QueryContext, path: string): Promise<CatalogRow | null> {
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

async function findNamespaceRow(ctx: QueryContext, catalog: CatalogRow, levels: string[]) {
  const visible = catalogVisibility(ctx.actor).namespace;
  const exact = await ctx.db.namespace.findFirst({ where: { AND: [visible, { catalogId: catalog.id, path: namespacePath(levels), deletedKey: "" }] }, select: { id: true, path: true } });
  if (exact) return exact;
  const all = await ctx.db.namespace.findMany({ where: { AND: [visible, { catalogId: catalog.id, deletedKey: "" }] }, select: { id: true, path: true } });
  const folded = all.filter((n) => n.path.toLowerCase() === namespacePath(levels).toLowerCase());
  return folded.length === 1 ? folded[0] : null;
}

const OBJECT_SELECT = { id: true, name: true, kind: true, location: true, format: true, options: true, metadataLocation: true } as const;

async function findObject(ctx: QueryContext, namespaceId: string, name: string): Promise<ObjectRow | null> {
  const visible = catalogVisibility(ctx.actor).table;
  const exact = await ctx.db.catalogTable.findFirst({ where: { AND: [visible, { namespaceId, name, deletedKey: "" }] }, select: OBJECT_SELECT });
  if (exact) return exact;
  const all = await ctx.db.catalogTable.findMany({ where: { AND: [visible, { namespaceId, deletedKey: "" }] }, select: OBJECT_SELECT });
  const folded = all.filter((t) => t.name.toLowerCase() === name.toLowerCase());
  return folded.length === 1 ? folded[0] : null;
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
