/**
 * A resolved table → its secured relation: one parenthesised DuckDB relation yielding
 * exactly what the person may read of it. lib/access decides (the read policy: columns,
 * masks, row filter); this file only applies the decision:
 *
 *   (SELECT <allowed columns, masked ones as their mask> FROM <rows> AS tarn_source WHERE <row filter>)
 *
 * <rows> is the Iceberg scan of the chosen snapshot with deletes applied (lib/catalog's
 * scanTable), an external table's reader, a federated table's fetched rows, a metadata
 * table's values, a view's own planned SQL, or Tarn's information_schema rows.
 */
import { authorizeTableRead, isFullRead, type Principal, type ReadPolicy, requireAuthorized, type TableResource } from "@/lib/access";
import { type FederatedOptions, federatedRelation, type SimplePredicate } from "@/lib/query/federated";
import { metadataTableSql, ScanError, type SnapshotSelector } from "@/lib/iceberg/scan";
import { quoteIdent } from "@/lib/iceberg/duckdb";
import type { QueryContext, SessionState, SetupStep } from "../types";
import { describeFederatedTable, displayName, externalRelationSql, loadTable, loadView, scanTable, type TableIdent } from "./catalog-deps";
import { parseSelect } from "./duck-parser";
import { isRefusal } from "./information-rows";
import { informationRelation } from "./information-schema";
import { PlanError, refused } from "./plan-error";
import type { Resolved } from "./resolve";
import { walkTree } from "./walk";

export type ReadPolicyFn = (principal: Principal, table: TableResource) => ReadPolicy;

export interface PlanOptions {
  /** lib/access's read policy by default; tests hand a narrower one. */
  readPolicy?: ReadPolicyFn;
  federated?: FederatedOptions;
}

export interface SecuredRelation {
  sql: string;
  setup: SetupStep[];
  tablesRead: string[];
  /** A read policy narrowed what is read (columns, masks or rows): EXPLAIN would show the rules. */
  narrowed?: boolean;
  /** Where the reference sits in the person's text (set by the planner, for error positions). */
  origin?: number;
}

export interface RelationRequest {
  snapshot?: SnapshotSelector;
  /** Lower-cased column names the statement uses; null: all may be needed. */
  columns: Set<string> | null;
  /** Federated tables: the simple predicates (and the LIMIT) of a SELECT that reads only this table, given its columns. */
  pushdown?: (columns: string[]) => { predicates: SimplePredicate[]; limit?: number };
  position?: number;
}

/** Plans a view's SQL as a relation (select.ts), one level deeper. */
export type PlanViewSql = (sql: string, session: SessionState, viewName: string) => Promise<SecuredRelation>;

export async function securedRelation(
  ctx: QueryContext,
  resolved: Resolved,
  request: RelationRequest,
  options: PlanOptions,
  planView: PlanViewSql,
): Promise<SecuredRelation> {
  try {
    return await relationOf(ctx, resolved, request, options, planView);
  } catch (error) {
    // Snapshots that are not there, time before the first one: the person's to fix.
    if (error instanceof ScanError && SNAPSHOT_ERRORS.has(error.kind)) throw new PlanError(error.message, request.position, { cause: error });
    throw error;
  }
}

const SNAPSHOT_ERRORS = new Set(["ref-not-found", "snapshot-not-found", "no-snapshot-at-time"]);

async function relationOf(
  ctx: QueryContext,
  resolved: Resolved,
  request: RelationRequest,
  options: PlanOptions,
  planView: PlanViewSql,
): Promise<SecuredRelation> {
  const read = [resolved.ident.catalog, ...resolved.ident.namespace, resolved.ident.name].join(".");
  if (request.snapshot && resolved.kind !== "iceberg" && resolved.kind !== "metadata")
    throw new PlanError(`${displayName(resolved.ident.namespace, resolved.ident.name)} is not an Iceberg table: AT (…) applies to Iceberg tables only.`, request.position);
  switch (resolved.kind) {
    case "iceberg": {
      const policy = await policyFor(ctx, resolved.ident, options);
      const scan = await scanTable(ctx, resolved.ident, { snapshot: request.snapshot, row: resolved.row });
      const names = scan.plan.columns.map((c) => c.name);
      return { sql: secure(scan.sql, policy, names), setup: [], tablesRead: [read], narrowed: !isFullRead(policy) };
    }
    case "external": {
      const policy = await policyFor(ctx, resolved.ident, options);
      return { sql: secure(externalRelationSql(resolved.row), policy), setup: [], tablesRead: [read], narrowed: !isFullRead(policy) };
    }
    case "metadata":
      return { sql: await metadataRelation(ctx, resolved, request, options), setup: [], tablesRead: [read] };
    case "view":
      return viewRelation(ctx, resolved.ident, planView, read);
    case "federated":
      return federated(ctx, resolved.ident, request, options, read);
    case "information":
      return informationRelation(ctx, resolved.ref, request, (ident) => readableColumns(ctx, ident, options));
  }
}

async function policyFor(ctx: QueryContext, ident: TableIdent, options: PlanOptions): Promise<ReadPolicy> {
  const resource: TableResource = { kind: "table", catalog: ident.catalog, namespace: ident.namespace, table: ident.name };
  const policy = (options.readPolicy ?? authorizeTableRead)(ctx.actor, resource);
  // The hook narrows; it never widens past the one door.
  if (options.readPolicy) requireAuthorized(ctx.actor, "table.read", resource);
  await checkPolicy(policy, displayName(ident.namespace, ident.name));
  return policy;
}

/** The columns the person may read of a table (null: all), false when they may not read it. */
async function readableColumns(ctx: QueryContext, ident: TableIdent, options: PlanOptions): Promise<string[] | null | false> {
  try {
    return (await policyFor(ctx, ident, options)).columns;
  } catch (error) {
    if (isRefusal(error)) return false;
    throw error;
  }
}

/** Policy expressions found fit, remembered (the check depends on the text only); bounded. */
const FIT_EXPRESSIONS = new Set<string>();
const FIT_LIMIT = 500;

/** Masks and row filters are SQL from stewards: checked like the person's, and may not read tables. */
async function checkPolicy(policy: ReadPolicy, table: string): Promise<void> {
  const expressions = [...Object.values(policy.masks), ...(policy.rowFilter ? [policy.rowFilter] : [])];
  for (const expression of expressions) {
    if (FIT_EXPRESSIONS.has(expression)) continue;
    const parsed = await parseSelect(`SELECT (${expression})`);
    const walked = parsed.ok && parsed.statements.length === 1 ? await walkTree(parsed.tree, () => undefined) : undefined;
    if (!walked || walked.tables.length || walked.parameters.length || walked.showTables.length)
      throw new PlanError(`The read policy of ${table} has an expression Tarn cannot apply; ask a steward to fix it.`, undefined, { internal: expression });
    if (FIT_EXPRESSIONS.size >= FIT_LIMIT) FIT_EXPRESSIONS.clear();
    FIT_EXPRESSIONS.add(expression);
  }
}

/**
 * `(SELECT … FROM rows AS tarn_source WHERE filter)`; the row filter sees every column,
 * masks and hidden columns apply to what comes out. `known` (the scan's columns) drops
 * allowed columns that this snapshot does not have.
 */
export function secure(rows: string, policy: ReadPolicy, known?: string[]): string {
  if (isFullRead(policy)) return rows;
  const masked = (name: string) => {
    const mask = policy.masks[name];
    return mask === undefined ? quoteIdent(name) : `(${mask}) AS ${quoteIdent(name)}`;
  };
  let projection: string;
  if (policy.columns === null) {
    const replaced = Object.entries(policy.masks).filter(([name]) => !known || known.includes(name));
    projection = replaced.length ? `* REPLACE (${replaced.map(([n, m]) => `(${m}) AS ${quoteIdent(n)}`).join(", ")})` : "*";
  } else {
    const columns = policy.columns.filter((c) => !known || known.includes(c));
    if (columns.length === 0) throw new PlanError("You may not read any column of this table.");
    projection = columns.map(masked).join(", ");
  }
  const where = policy.rowFilter ? ` WHERE (${policy.rowFilter})` : "";
  return `(SELECT ${projection} FROM ${rows} AS tarn_source${where})`;
}

/** Metadata tables that show values of the data (bounds, partitions) need the whole table. */
const DATA_REVEALING = new Set(["files", "manifests", "partitions", "entries"]);

async function metadataRelation(ctx: QueryContext, resolved: Extract<Resolved, { kind: "metadata" }>, request: RelationRequest, options: PlanOptions): Promise<string> {
  const policy = await policyFor(ctx, resolved.ident, options);
  const name = `${resolved.ident.name}$${resolved.table}`;
  if (!isFullRead(policy) && DATA_REVEALING.has(resolved.table))
    throw refused(`The metadata table ${name}`, "it shows values of columns or rows you may not read", request.position);
  const table = await loadTable(ctx, resolved.ident);
  return metadataTableSql(resolved.table, { io: ctx.io, metadata: table.metadata, snapshot: request.snapshot });
}

async function viewRelation(ctx: QueryContext, ident: TableIdent, planView: PlanViewSql, read: string): Promise<SecuredRelation> {
  requireAuthorized(ctx.actor, "view.read", { kind: "table", catalog: ident.catalog, namespace: ident.namespace, table: ident.name });
  const view = await loadView(ctx, ident);
  const version = view.metadata.versions.find((v) => v.versionId === view.metadata.currentVersionId);
  const sqls = version?.representations ?? [];
  const sql = sqls.find((r) => r.dialect.toLowerCase() === "duckdb") ?? sqls[0];
  if (!version || !sql) throw new PlanError(`View ${displayName(ident.namespace, ident.name)} has no SQL definition.`);
  const session: SessionState = { catalog: version.defaultCatalog ?? ident.catalog, namespace: version.defaultNamespace.length ? version.defaultNamespace : ident.namespace };
  const inner = await planView(sql.sql, session, displayName(ident.namespace, ident.name));
  return { sql: `(${inner.sql})`, setup: inner.setup, tablesRead: [read, ...inner.tablesRead], narrowed: inner.narrowed };
}

async function federated(ctx: QueryContext, ident: TableIdent, request: RelationRequest, options: PlanOptions, read: string): Promise<SecuredRelation> {
  const policy = await policyFor(ctx, ident, options);
  const { columns: remote } = await describeFederatedTable(ctx, ident);
  const all = remote.map((c) => c.name);
  const full = isFullRead(policy);
  const wanted = request.columns && full ? all.filter((c) => request.columns?.has(c.toLowerCase())) : all;
  // Only on the whole table: a predicate on a masked or hidden column would filter by what may not be seen.
  const { predicates, limit } = full && request.pushdown ? request.pushdown(all) : { predicates: [], limit: undefined };
  const relation = await federatedRelation(ctx, ident, { columns: wanted, predicates, limit }, options.federated);
  return { sql: secure(relation.relationSql, policy, wanted), setup: relation.setup, tablesRead: [read], narrowed: !full };
}
