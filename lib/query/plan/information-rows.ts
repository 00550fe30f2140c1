/**
 * The rows of Tarn's information_schema, from the catalog as the person may see it: the
 * visibility filter of lib/access for catalogs, namespaces and tables, and each table's
 * read policy for its columns (a table the person may not read shows no columns; a
 * hidden column is not there).
 *
 * Lakehouse catalogs are listed from the metadata database. A federated catalog's
 * schemas and tables live in its source, so they are listed only when the catalog is
 * named (`shop.information_schema.tables`), never for every catalog at once.
 */
import { catalogVisibility } from "@/lib/access";
import { isAppError } from "@/lib/errors";
import { duckType } from "@/lib/iceberg/duckdb";
import { currentSchema, type Schema } from "@/lib/iceberg/spec";
import { describeExternal } from "@/lib/catalog/external";
import type { FederatedType } from "@/lib/catalog/federated";
import { columnType } from "@/lib/query/federated/column-types";
import type { QueryContext } from "../types";
import { describeFederatedTable, listFederatedSchemas, listFederatedTables, loadTable, loadView, NAMESPACE_SEPARATOR, type TableIdent } from "./catalog-deps";
import { PlanError } from "./plan-error";

export interface SchemaRow {
  catalog: string;
  schema: string;
  owner: string | null;
  comment: string | null;
}

export interface TableInfo {
  ident: TableIdent;
  /** Where its columns are described: iceberg | view | external | federated. */
  source: string;
  type: "BASE TABLE" | "VIEW";
  comment: string | null;
}

export interface ColumnRow {
  name: string;
  position: number;
  nullable: boolean;
  type: string;
  comment: string | null;
}

interface CatalogRef {
  path: string;
  kind: string;
}

/** The catalogs in scope: the named one (which must be visible), else every visible one. */
export async function catalogsInScope(ctx: QueryContext, named: string | null, position?: number): Promise<CatalogRef[]> {
  const visible = catalogVisibility(ctx.actor);
  const rows = await ctx.db.catalog.findMany({ where: { AND: [visible.catalog, named === null ? {} : { path: named }] }, select: { path: true, kind: true }, orderBy: { path: "asc" } });
  if (named !== null && rows.length === 0) throw new PlanError(`Catalog ${named} does not exist.`, position);
  // Every catalog at once: the federated ones' sources are not asked (see above).
  return named === null ? rows.filter((c) => c.kind !== "federated") : rows;
}

export async function schemaRows(ctx: QueryContext, catalogs: CatalogRef[]): Promise<SchemaRow[]> {
  const out: SchemaRow[] = [];
  for (const catalog of catalogs.filter((c) => c.kind === "federated")) {
    for (const schema of await listFederatedSchemas(ctx, catalog.path)) out.push({ catalog: catalog.path, schema: schema.name, owner: null, comment: schema.comment });
  }
  const lake = catalogs.filter((c) => c.kind !== "federated").map((c) => c.path);
  if (lake.length === 0) return out;
  const visible = catalogVisibility(ctx.actor);
  const rows = await ctx.db.namespace.findMany({
    where: { AND: [visible.namespace, { deletedKey: "", catalog: { AND: [visible.catalog, { path: { in: lake } }] } }] },
    select: { path: true, owner: true, comment: true, catalog: { select: { path: true } } },
  });
  for (const row of rows) out.push({ catalog: row.catalog.path, schema: dotted(row.path), owner: row.owner, comment: row.comment });
  return out.sort((a, b) => compare(a.catalog, b.catalog) || compare(a.schema, b.schema));
}

export async function tableInfos(ctx: QueryContext, catalogs: CatalogRef[]): Promise<TableInfo[]> {
  const out: TableInfo[] = [];
  for (const catalog of catalogs.filter((c) => c.kind === "federated")) {
    for (const schema of await listFederatedSchemas(ctx, catalog.path)) {
      for (const table of await listFederatedTables(ctx, { catalog: catalog.path, namespace: [schema.name] })) {
        const ident = { catalog: catalog.path, namespace: [schema.name], name: table.name };
        out.push({ ident, source: "federated", type: table.kind === "view" ? "VIEW" : "BASE TABLE", comment: table.comment });
      }
    }
  }
  const lake = catalogs.filter((c) => c.kind !== "federated").map((c) => c.path);
  if (lake.length > 0) {
    const visible = catalogVisibility(ctx.actor);
    const rows = await ctx.db.catalogTable.findMany({
      where: { AND: [visible.table, { deletedKey: "", namespace: { AND: [visible.namespace, { deletedKey: "", catalog: { AND: [visible.catalog, { path: { in: lake } }] } }] } }] },
      select: { name: true, kind: true, comment: true, namespace: { select: { path: true, catalog: { select: { path: true } } } } },
    });
    for (const row of rows) {
      const ident = { catalog: row.namespace.catalog.path, namespace: row.namespace.path.split(NAMESPACE_SEPARATOR), name: row.name };
      out.push({ ident, source: row.kind, type: row.kind === "view" ? "VIEW" : "BASE TABLE", comment: row.comment });
    }
  }
  return out.sort((a, b) => compare(a.ident.catalog, b.ident.catalog) || compare(dotted(a.ident.namespace), dotted(b.ident.namespace)) || compare(a.ident.name, b.ident.name));
}

/** A table's columns as the person may read them; none when they may not read it. `readable`: the columns its read policy lists (null: all). */
export async function columnRows(ctx: QueryContext, table: TableInfo, readable: (ident: TableIdent) => Promise<string[] | null | false>): Promise<ColumnRow[]> {
  const allowed = await readable(table.ident);
  if (allowed === false) return [];
  const columns = (await describedColumns(ctx, table)).map((c) => ({ ...c, type: shownType(c.type) }));
  return allowed === null ? columns : columns.filter((c) => allowed.includes(c.name));
}

async function describedColumns(ctx: QueryContext, table: TableInfo): Promise<ColumnRow[]> {
  switch (table.source) {
    case "iceberg":
      return schemaColumns(currentSchema((await loadTable(ctx, table.ident)).metadata));
    case "view": {
      const { metadata } = await loadView(ctx, table.ident);
      const version = metadata.versions.find((v) => v.versionId === metadata.currentVersionId);
      const schema = metadata.schemas.find((s) => s.schemaId === version?.schemaId);
      return schema ? schemaColumns(schema) : [];
    }
    case "external":
      return (await describeExternal(ctx, table.ident)).columns.map((c, i) => ({ name: c.name, position: i + 1, nullable: true, type: c.duckType, comment: null }));
    default:
      return federatedColumns(ctx, table.ident);
  }
}

function schemaColumns(schema: Schema): ColumnRow[] {
  return schema.fields.map((f, i) => ({ name: f.name, position: i + 1, nullable: !f.required, type: duckType(f.type), comment: f.doc ?? null }));
}

/** As DuckDB shows types (`typeof`, its information_schema): DECIMAL(12,2). */
function shownType(type: string): string {
  return type.replace(/DECIMAL\((\d+), (\d+)\)/g, "DECIMAL($1,$2)");
}

async function federatedColumns(ctx: QueryContext, ident: TableIdent): Promise<ColumnRow[]> {
  const { columns } = await describeFederatedTable(ctx, ident);
  return columns.map((c) => ({ name: c.name, position: c.position, nullable: c.nullable, type: columnType(c.type as FederatedType, c.nativeType).duckType, comment: c.comment }));
}

/** Whether an error means "not yours to read" (then the table shows no columns) rather than a fault. */
export function isRefusal(error: unknown): boolean {
  return isAppError(error) && (error.code === "forbidden" || error.code === "not_found");
}

function dotted(path: string | string[]): string {
  return (Array.isArray(path) ? path : path.split(NAMESPACE_SEPARATOR)).join(".");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
