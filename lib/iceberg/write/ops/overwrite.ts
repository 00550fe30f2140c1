/**
 * Overwrite: remove the rows matching a filter (all rows without one) and add new rows,
 * in one "overwrite" snapshot — readers see the old rows or the new, never both.
 */
import { rowLevelMode } from "../properties";
import type { PreparedCommit } from "./prepared";
import { addDataFiles, deleteMatchingRows } from "./row-deletes";
import { prepareRowLevel, type RowLevelInput } from "./row-level";

export interface OverwriteInput extends RowLevelInput {
  /** The new rows: a DuckDB query with columns named like the table's. */
  sourceSql: string;
}

export async function prepareOverwrite(input: OverwriteInput): Promise<PreparedCommit> {
  const mode = rowLevelMode(input.metadata, "delete");
  return prepareRowLevel(
    input,
    "delete",
    async ({ view, filter, operationId, changes }) => {
      await deleteMatchingRows(view, filter, mode, operationId, changes);
      await addDataFiles(view, input.sourceSql, `${operationId}-new`, changes);
    },
    () => "overwrite",
  );
}
