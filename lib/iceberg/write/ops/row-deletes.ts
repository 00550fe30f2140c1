/**
 * Removing the rows that match a filter, shared by delete and overwrite. Files whose
 * every live row matches are dropped whole (DELETED entries); files where only some do
 * get position delete files (merge-on-read) or are rewritten without those rows
 * (copy-on-write, through the data writer, so rows land in the current spec).
 */
import type { BoundExpr } from "../../expr";
import type { DataFile } from "../../manifest";
import { type PositionTarget, writePositionDeletes } from "../data/position-deletes";
import { writeDataFiles } from "../data/write-data-files";
import type { RowLevelMode } from "../properties";
import type { AddedFiles } from "../snapshot/manifest-files";
import { quoteIdent } from "../../duckdb/quote";
import { countMatches, findAffected } from "./affected-files";
import { addedFiles } from "./prepared";
import { type FileWithDeletes, matchSql, rowsOf, type TableView } from "./table-view";

export interface RowChanges {
  removeDataPaths: Set<string>;
  addedData: AddedFiles[];
  addedDeletes: AddedFiles[];
  /** Locations written, for cleanup. */
  written: string[];
  touched: Set<string>;
  rewritten: Set<string>;
}

export function emptyChanges(): RowChanges {
  return {
    removeDataPaths: new Set(),
    addedData: [],
    addedDeletes: [],
    written: [],
    touched: new Set(),
    rewritten: new Set(),
  };
}

export async function deleteMatchingRows(
  view: TableView,
  filter: BoundExpr,
  mode: RowLevelMode,
  operationId: string,
  changes: RowChanges,
): Promise<void> {
  const affected = findAffected(view, filter);
  const counted = await countMatches(view, filter, affected.maybe);
  const partial = counted.filter((c) => c.matched > 0 && c.matched < c.live);
  for (const whole of [
    ...affected.wholly,
    ...counted.filter((c) => c.matched > 0 && c.matched === c.live),
  ]) {
    changes.removeDataPaths.add(path(whole));
    changes.touched.add(path(whole));
  }
  if (partial.length === 0) return;
  for (const p of partial) changes.touched.add(path(p));
  if (mode === "merge-on-read") {
    const targets = partial.map((p) => positionTarget(view, filter, p));
    await addPositionDeletes(view, operationId, targets, changes);
  } else {
    const keptRows = partial.map(
      (p) =>
        `SELECT ${columnList(view)} FROM (${rowsOf(view, p)}) AS r WHERE NOT ${matchSql(view, filter, "r")}`,
    );
    for (const p of partial) {
      changes.removeDataPaths.add(path(p));
      changes.rewritten.add(path(p));
    }
    await addDataFiles(view, keptRows.join(" UNION ALL "), operationId, changes);
  }
}

export function positionTarget(
  view: TableView,
  filter: BoundExpr,
  target: FileWithDeletes,
): PositionTarget {
  return {
    file: target.file,
    deletedRowsSql: `SELECT r.* FROM (${rowsOf(view, target)}) AS r WHERE ${matchSql(view, filter, "r")}`,
  };
}

export async function addPositionDeletes(
  view: TableView,
  operationId: string,
  targets: PositionTarget[],
  changes: RowChanges,
): Promise<void> {
  const written = await writePositionDeletes({ ...view, operationId: `${operationId}-d`, targets });
  for (const group of written) {
    changes.written.push(...group.files.map((f) => f.filePath));
    changes.addedDeletes.push(addedFiles(view.metadata, group.specId, "deletes", group.files));
  }
}

/** Writes rows through the data writer (current spec) and records the new files. */
export async function addDataFiles(
  view: TableView,
  sourceSql: string,
  operationId: string,
  changes: RowChanges,
): Promise<void> {
  const written = await writeDataFiles({
    ...view,
    sourceSql,
    operationId: `${operationId}-${changes.addedData.length}`,
  });
  changes.written.push(...written.files.map((f: DataFile) => f.filePath));
  changes.addedData.push(addedFiles(view.metadata, written.specId, "data", written.files));
}

export function columnList(view: TableView): string {
  return view.schema.fields.map((f) => `r.${quoteIdent(f.name)}`).join(", ");
}

function path(target: FileWithDeletes): string {
  return target.file.entry.dataFile.filePath;
}
