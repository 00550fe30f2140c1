/**
 * Delete the rows matching a filter: whole files drop out of the manifests, partly
 * matching files get position deletes or are rewritten, by `write.delete.mode`
 * (merge-on-read by default on v2, copy-on-write on v1). The snapshot is a "delete",
 * or an "overwrite" when files were rewritten (Java names them the same way).
 */
import { rowLevelMode } from "../properties";
import type { PreparedCommit } from "./prepared";
import { deleteMatchingRows } from "./row-deletes";
import { prepareRowLevel, type RowLevelInput } from "./row-level";

export type DeleteInput = RowLevelInput;

export async function prepareDelete(input: DeleteInput): Promise<PreparedCommit> {
  const mode = rowLevelMode(input.metadata, "delete");
  return prepareRowLevel(
    input,
    "delete",
    ({ view, filter, operationId, changes }) =>
      deleteMatchingRows(view, filter, mode, operationId, changes),
    (changes) => (changes.addedData.length > 0 ? "overwrite" : "delete"),
  );
}
