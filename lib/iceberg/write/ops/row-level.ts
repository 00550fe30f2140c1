/**
 * The frame of every row-level operation (delete, overwrite, update): open the table,
 * bind the filter, work out and write the changes, and wrap them in a prepared commit
 * whose rebuilds check for conflicting commits. Files written before a failure are
 * deleted before the error surfaces.
 */
import { type BoundExpr, bind, type UnboundExpr } from "../../expr";
import type { SnapshotSummary } from "../../spec/types";
import { isolationLevel } from "../properties";
import { newSnapshotId } from "../snapshot/ids";
import { SnapshotProducer } from "../snapshot/producer";
import type { WriteTarget } from "./append";
import { conflictCheck } from "./conflicts";
import { checkWritable, newOperationId, type PreparedCommit, preparedCommit } from "./prepared";
import { emptyChanges, type RowChanges } from "./row-deletes";
import { openTableView, type TableView } from "./table-view";

export interface RowLevelInput extends WriteTarget {
  /** Rows to act on, by column names (`lib/iceberg/expr` builders); all rows when absent. */
  filter?: UnboundExpr;
  /** Match column names ignoring case, as SQL does. Default false. */
  caseInsensitive?: boolean;
}

export interface RowLevelWork {
  view: TableView;
  filter: BoundExpr;
  operationId: string;
  changes: RowChanges;
}

export async function prepareRowLevel(
  input: RowLevelInput,
  kind: "delete" | "update",
  work: (w: RowLevelWork) => Promise<void>,
  operation: (changes: RowChanges) => SnapshotSummary["operation"],
): Promise<PreparedCommit> {
  checkWritable(input.metadata);
  const view = await openTableView(input);
  const filter = bind(view.schema, input.filter ?? { kind: "true" }, {
    caseSensitive: input.caseInsensitive !== true,
  });
  const operationId = newOperationId();
  const changes = emptyChanges();
  try {
    await work({ view, filter, operationId, changes });
  } catch (error) {
    await Promise.all(changes.written.map((location) => input.io.delete(location)));
    throw error;
  }
  const serializable = isolationLevel(input.metadata, kind) === "serializable";
  const producer = new SnapshotProducer({
    io: input.io,
    base: input.metadata,
    branch: view.branch,
    operationId,
    snapshotId: newSnapshotId(input.metadata),
    plan: {
      operation: operation(changes),
      addedData: changes.addedData,
      addedDeletes: changes.addedDeletes,
      removeDataPaths: changes.removeDataPaths,
      validate: conflictCheck({
        baseSnapshotId: view.head?.snapshotId,
        touched: changes.touched,
        rewritten: changes.rewritten,
        ...(serializable ? { filter } : {}),
      }),
    },
  });
  await producer.writeAddedManifests();
  return preparedCommit(producer, input.io, operation(changes), changes.written);
}
