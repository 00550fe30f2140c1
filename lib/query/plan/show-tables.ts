/**
 * SHOW TABLES: the tables and views of the session's namespace that the person may see,
 * as a relation with DuckDB's column name (`name`). Nothing of DuckDB's own catalog.
 */
import { catalogVisibility } from "@/lib/access";
import { quoteString } from "@/lib/iceberg/duckdb";
import type { QueryContext } from "../types";
import { namespacePath } from "./catalog-deps";
import { PlanError } from "./plan-error";
import type { SecuredRelation } from "./relations";

export async function showTablesRelation(ctx: QueryContext): Promise<SecuredRelation> {
  const { catalog, namespace } = ctx.session;
  if (!catalog || !namespace?.length) throw new PlanError("SHOW TABLES lists the current namespace: choose one first (USE catalog.namespace).");
  const visible = catalogVisibility(ctx.actor);
  const rows = await ctx.db.catalogTable.findMany({
    where: { AND: [visible.table, { deletedKey: "", namespace: { AND: [visible.namespace, { path: namespacePath(namespace), deletedKey: "", catalog: { AND: [visible.catalog, { path: catalog }] } }] } }] },
    select: { name: true },
    orderBy: { name: "asc" },
  });
  const sql = rows.length
    ? `(SELECT name FROM (VALUES ${rows.map((r) => `(${quoteString(r.name)})`).join(", ")}) AS tables(name))`
    : "(SELECT CAST(NULL AS VARCHAR) AS name WHERE false)";
  return { sql, setup: [], tablesRead: [] };
}
