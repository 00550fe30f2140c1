/**
 * A table of a federated catalog as a relation in Tarn's SQL: the planner asks for the
 * columns it needs and the simple predicates it found; it gets a setup step that fetches
 * the rows into a temp table on the statement's connection, and the SQL naming that table.
 */
import { randomBytes } from "node:crypto";
import { requireAuthorized } from "@/lib/access";
import { type CatalogContext, displayName, type TableIdent } from "@/lib/catalog";
import {
  describeFederatedTable,
  federatedCatalogRow,
  readConnection,
} from "@/lib/catalog/federated";
import { AppError } from "@/lib/errors";
import { quoteIdent } from "@/lib/iceberg/duckdb";
import type { SetupStep } from "../types";
import { type ColumnType, columnType } from "./column-types";
import { duckFilter } from "./duck-filter";
import { type FetchPlan, fetchStep } from "./fetch";
import { checkValue, type SimplePredicate, valuesOf } from "./predicates";
import { fidelity } from "./pushdown";
import { federatedRowCap } from "./row-cap";
import { type OpenSource, openSource } from "./source";
import { sourceStatement } from "./source-sql";

export interface FederatedRequest {
  /** The columns the query uses, in the relation's order (may be empty: count(*)). */
  columns: string[];
  /** Conjuncts of the WHERE clause on this table; the relation keeps only rows matching all. */
  predicates: SimplePredicate[];
  /** At most this many rows are needed (a LIMIT with nothing between it and the table). */
  limit?: number;
}

export interface FederatedRelation {
  setup: SetupStep[];
  /** A parenthesised DuckDB relation; valid once the setup steps ran on the same connection. */
  relationSql: string;
  tablesRead: string[];
}

export interface FederatedOptions {
  /** Default TARN_FEDERATED_ROW_CAP (row-cap.ts). */
  rowCap?: number;
  /** How source connections are opened; tests wrap the real one to see what is sent. */
  openSource?: OpenSource;
}

export async function federatedRelation(
  ctx: CatalogContext,
  ident: TableIdent,
  request: FederatedRequest,
  options: FederatedOptions = {},
): Promise<FederatedRelation> {
  requireAuthorized(ctx.actor, "table.read", {
    kind: "table",
    catalog: ident.catalog,
    namespace: ident.namespace,
    table: ident.name,
  });
  const { columns: remote } = await describeFederatedTable(ctx, ident);
  const connection = readConnection(await federatedCatalogRow(ctx.db, ident.catalog));
  const table = `${ident.catalog}.${displayName(ident.namespace, ident.name)}`;
  const types = new Map(remote.map((c) => [c.name, columnType(connection.type, c.nativeType)]));
  const output = [...new Set(request.columns)];
  checkRequest(table, types, output, request);
  const pushed = request.predicates.filter(
    (p) => fidelity(connection.type, typeOf(types, p), p) !== "none",
  );
  const recheck = request.predicates.filter(
    (p) => fidelity(connection.type, typeOf(types, p), p) !== "exact",
  );
  const fetched = [...new Set([...output, ...recheck.map((p) => p.column)])];
  const cap = options.rowCap ?? federatedRowCap();
  // The source may stop at the LIMIT only when every predicate is exactly its own.
  const sourceLimit =
    request.limit !== undefined && recheck.length === 0
      ? Math.min(request.limit, cap + 1)
      : cap + 1;
  const tempTable = `tarn_federated_${randomBytes(8).toString("hex")}`;
  const plan: FetchPlan = {
    table,
    connection,
    statement: sourceStatement(connection.type, {
      schema: ident.namespace[0],
      table: ident.name,
      columns: fetched,
      predicates: pushed,
      limit: sourceLimit,
    }),
    fetched: fetched.map((name) => ({ name, type: types.get(name) as ColumnType })),
    output,
    filter: duckFilter(recheck),
    limit: request.limit,
    cap,
    tempTable,
    openSource: options.openSource ?? openSource,
  };
  return {
    setup: [fetchStep(plan)],
    relationSql: `(SELECT * FROM temp.main.${quoteIdent(tempTable)})`,
    tablesRead: [[ident.catalog, ...ident.namespace, ident.name].join(".")],
  };
}

function typeOf(types: Map<string, ColumnType>, predicate: SimplePredicate): ColumnType {
  return types.get(predicate.column) as ColumnType;
}

function checkRequest(
  table: string,
  types: Map<string, ColumnType>,
  output: string[],
  request: FederatedRequest,
): void {
  for (const column of [...output, ...request.predicates.map((p) => p.column)]) {
    if (!types.has(column))
      throw new AppError("bad_request", `${table} has no column "${column}".`);
  }
  for (const predicate of request.predicates) valuesOf(predicate).forEach(checkValue);
  if (request.limit !== undefined && !(Number.isSafeInteger(request.limit) && request.limit >= 0))
    throw new AppError("bad_request", "A LIMIT must be a whole number of rows, 0 or more.");
}
