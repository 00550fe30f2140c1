/**
 * What a principal may read of one table: the read policy the query planner applies when
 * it turns a table reference into its secured relation.
 *
 *   const policy = authorizeTableRead(principal, { kind: "table", catalog, namespace, table });
 *   // throws AppError("forbidden") unless `table.read` is allowed
 *   // policy.columns: null (all) or the names that may be read
 *   // policy.masks: column → SQL expression over the table's columns, shown instead of the value
 *   // policy.rowFilter: SQL boolean expression over the table's columns, or null
 *
 * Today every role that may read a table reads all of it; the permissions issue fills
 * `columns`, `masks` and `rowFilter` from grants here, and nothing else has to change.
 * Expressions come from stewards, not from the person querying; the planner still parses
 * and checks them like user SQL before they run.
 */
import { type Resource, requireAuthorized } from "./authorize";
import type { Principal } from "./principal";

export interface ReadPolicy {
  /** Columns that may be read, by name; null: every column. */
  columns: string[] | null;
  /** Column name → a DuckDB SQL expression (over the table's columns) shown instead of the value. */
  masks: Record<string, string>;
  /** A DuckDB SQL boolean expression over the table's columns: only rows where it is true are read. */
  rowFilter: string | null;
  /** Why, for "why can X see this". */
  reasons: string[];
}

export type TableResource = Extract<Resource, { kind: "table" }>;

/** Everything of the table: what a role that may read it gets until grants narrow it. */
export const FULL_READ: Omit<ReadPolicy, "reasons"> = { columns: null, masks: {}, rowFilter: null };

export function authorizeTableRead(principal: Principal | null, table: TableResource): ReadPolicy {
  const decision = requireAuthorized(principal, "table.read", table);
  return { ...FULL_READ, masks: {}, reasons: decision.reasons };
}

/** Whether a policy narrows anything (a secured relation is then more than the table's rows). */
export function isFullRead(policy: ReadPolicy): boolean {
  return policy.columns === null && Object.keys(policy.masks).length === 0 && policy.rowFilter === null;
}
