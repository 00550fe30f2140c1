/**
 * SHOW TABLES: the tables and views of the session's namespace that the person may see,
 * as a relation with DuckDB's column name (`name`). Nothing of DuckDB's own catalog.
 */
import { catalogVisibility } from "@/lib/access";
import { quoteString } from "@/lib/iceberg/duckdb";
import type { QueryContext } from "../types";
import { listFederatedTables, namespacePath } from "./catalog-deps";
import { PlanError } from "./plan-error";
import type { SecuredRelation } from "./relations";

export async function showTablesRelation(ctx: QueryContext): Promise<SecuredRelation> {
  const { catalog, namespace } = ctx.session;
  if (!catalog || !namespace?.length) throw new PlanError("SHOW TABLES lists the current namespace: choose one first (USE catalog.namespace).");
  const visible = catalogVisibility(ctx.actor);
  const kind = await ctx.db.catalog.findFirst({ where: { AND: [visible.catalog, { path: catalog }] }, select: { kind: true } });
  const names = kind?.kind === "federated" ? (await listFederatedTables(ctx, { catalog, namespace })).map((t) => t.name).sort() : await catalogNames(ctx, catalog, namespace);
  const sql = names.length
    ? `(SELECT name FROM (VALUES ${names.map((n) => `(${quoteString(n)})`).join(", ")}) AS tables(name))`
    : "(SELECT CAST(NULL AS VARCHAR) AS name WHERE false)";
  return { sql, setup: [], tablesRead: [] };
}

async function catalogNames(ctx: QueryContext, catalog: string, namespace: string[]): Promise<string[]> {
  const visible = catalogVisibility(ctx.actor);
  const rows = await ctx.db.catalogTable.findMany({
    where: { AND: [visible.table, { deletedKey: "", namespace: { AND: [visible.namespace, { path: namespacePath(namespace), deletedKey: "", catalog: { AND: [visible.catalog, { path: catalog }] } }] } }] },
    select: { name: true },
    orderBy: { name: "asc" },
  });
  return rows.map((r) => r.name);
}
