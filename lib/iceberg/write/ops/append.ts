/**
 * Append: new rows in new data files, one "append" snapshot on top of the branch head;
 * the head's manifests are carried over as they are. Concurrent commits never conflict
 * with an append: a retry just stacks the same files on the newer head.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { FileIO } from "../../io/types";
import { MAIN_BRANCH } from "../../spec";
import type { TableMetadata } from "../../spec/types";
import { writeDataFiles } from "../data/write-data-files";
import { newSnapshotId } from "../snapshot/ids";
import { SnapshotProducer } from "../snapshot/producer";
import {
  addedFiles,
  checkWritable,
  newOperationId,
  type PreparedCommit,
  preparedCommit,
} from "./prepared";

export interface WriteTarget {
  connection: DuckDBConnection;
  io: FileIO;
  /** The table as the operation starts from it. */
  metadata: TableMetadata;
  /** Default `main`. */
  branch?: string;
}

export interface AppendInput extends WriteTarget {
  /** A DuckDB query whose columns are named like the table's top-level columns. */
  sourceSql: string;
}

export async function prepareAppend(input: AppendInput): Promise<PreparedCommit> {
  checkWritable(input.metadata);
  const operationId = newOperationId();
  const written = await writeDataFiles({ ...input, operationId });
  const producer = new SnapshotProducer({
    io: input.io,
    base: input.metadata,
    branch: input.branch ?? MAIN_BRANCH,
    operationId,
    snapshotId: newSnapshotId(input.metadata),
    plan: {
      operation: "append",
      addedData: [addedFiles(input.metadata, written.specId, "data", written.files)],
      addedDeletes: [],
      removeDataPaths: new Set(),
    },
  });
  await producer.writeAddedManifests();
  const paths = written.files.map((f) => f.filePath);
  return preparedCommit(producer, input.io, "append", paths);
}
