import "server-only";
import type { SampleResult } from "@/components/catalog/table-types";
import type { CatalogContext, TableIdent } from "@/lib/catalog";
import { quotePath } from "@/lib/iceberg/duckdb";
import { queryEngine, readRows, runStatements, untilAnswered } from "@/lib/query/exec";

export const SAMPLE_ROWS = 100;

const MAX_TEXT = 500;

/**
 * The first rows of a table, view or federated table, as the person may see them: a
 * `SELECT * … LIMIT 100` through the query engine, so their read policy (columns, masks,
 * row filter) applies as to any query, and it shows in their query history like a preview
 * in any SQL console.
 */
export async function tableSample(ctx: CatalogContext, ident: TableIdent): Promise<SampleResult> {
  const name = quotePath([ident.catalog, ...ident.namespace, ident.name]);
  const engine = queryEngine();
  const batch = await runStatements({ db: ctx.db, io: ctx.io, actor: ctx.actor, session: {} }, `SELECT * FROM ${name} LIMIT ${SAMPLE_ROWS}`, {}, engine);
  const reader = { db: ctx.db, actor: ctx.actor };
  const run = await untilAnswered(reader, engine, batch.runs[0].id);
  if (run.status !== "succeeded") return { available: false, reason: run.error?.message ?? "The sample query did not finish." };
  const page = await readRows(reader, engine, run.id, { offset: 0, limit: SAMPLE_ROWS });
  return { available: true, columns: page.columns, rows: page.rows.map((row) => row.map(clip)) };
}

function clip(value: unknown): unknown {
  if (typeof value === "string" && value.length > MAX_TEXT) return `${value.slice(0, MAX_TEXT)}…`;
  if (value !== null && typeof value === "object") {
    const text = JSON.stringify(value);
    return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : value;
  }
  return value;
}
