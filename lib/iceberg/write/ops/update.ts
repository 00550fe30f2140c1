/**
 * Update: set columns of the rows matching a filter to SQL expressions over the row
 * (`{ price: "price * 1.1", note: "'repriced'" }`). Copy-on-write rewrites each affected
 * file with the new values; merge-on-read deletes the old rows by position (dropping a
 * file whose rows all change) and appends their new versions. An "overwrite" snapshot.
 */
import { WriteError } from "../errors";
import { rowLevelMode } from "../properties";
import { duckdbType } from "../sql/duckdb-type";
import { quoteIdent } from "../../duckdb/quote";
import { countMatches, findAffected } from "./affected-files";
import type { PreparedCommit } from "./prepared";
import { addDataFiles, addPositionDeletes, positionTarget } from "./row-deletes";
import { prepareRowLevel, type RowLevelInput, type RowLevelWork } from "./row-level";
import { matchSql, rowsOf, type TableView } from "./table-view";

export interface UpdateInput extends RowLevelInput {
  /** Column name → DuckDB SQL expression over the row's columns (caller-built SQL). */
  set: Record<string, string>;
}

export async function prepareUpdate(input: UpdateInput): Promise<PreparedCommit> {
  const mode = rowLevelMode(input.metadata, "update");
  return prepareRowLevel(
    input,
    "update",
    (work) => updateRows(work, input.set, mode),
    () => "overwrite",
  );
}

async function updateRows(work: RowLevelWork, set: Record<string, string>, mode: string) {
  const { view, filter, operationId, changes } = work;
  const assignments = checkAssignments(view, set);
  const affected = findAffected(view, filter);
  const counted = [
    ...affected.wholly.map((t) => ({ ...t, matched: 1, live: 1 })),
    ...(await countMatches(view, filter, affected.maybe)),
  ].filter((c) => c.matched > 0);
  if (counted.length === 0) return;
  const match = matchSql(view, filter, "r");
  const pieces: string[] = [];
  const partial = [];
  for (const target of counted) {
    const path = target.file.entry.dataFile.filePath;
    changes.touched.add(path);
    changes.rewritten.add(path);
    const rows = rowsOf(view, target);
    if (mode === "copy-on-write") {
      changes.removeDataPaths.add(path);
      pieces.push(`SELECT ${updatedColumns(view, assignments, match)} FROM (${rows}) AS r`);
    } else {
      if (target.matched === target.live) changes.removeDataPaths.add(path);
      else partial.push(positionTarget(view, filter, target));
      pieces.push(
        `SELECT ${updatedColumns(view, assignments, "TRUE")} FROM (${rows}) AS r WHERE ${match}`,
      );
    }
  }
  if (partial.length > 0) await addPositionDeletes(view, operationId, partial, changes);
  await addDataFiles(view, pieces.join(" UNION ALL "), operationId, changes);
}

function checkAssignments(view: TableView, set: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [column, expression] of Object.entries(set)) {
    if (!view.schema.fields.some((f) => f.name === column)) {
      throw new WriteError("invalid-input", `The table has no column "${column}" to set`);
    }
    out.set(column, expression);
  }
  if (out.size === 0)
    throw new WriteError("invalid-input", "An update needs at least one column to set");
  return out;
}

/** Each column: the new value where `when` holds, else the old one. */
function updatedColumns(view: TableView, assignments: Map<string, string>, when: string): string {
  return view.schema.fields
    .map((f) => {
      const old = `r.${quoteIdent(f.name)}`;
      const expression = assignments.get(f.name);
      if (expression === undefined) return `${old} AS ${quoteIdent(f.name)}`;
      const value = `CAST((${expression}) AS ${duckdbType(f.type)})`;
      return `CASE WHEN ${when} THEN ${value} ELSE ${old} END AS ${quoteIdent(f.name)}`;
    })
    .join(", ");
}
