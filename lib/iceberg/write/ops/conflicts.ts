/**
 * Conflict checks of row-level operations on a retry, over the snapshots committed since
 * the one the operation read (Java's validations, in their serializable form):
 * - a data file the operation touched was removed meanwhile;
 * - a file whose rows it re-writes (copy-on-write, updated rows) got new deletes, which
 *   the rewrite would silently undo;
 * - serializable isolation: a new data file might hold rows matching the filter, which
 *   the operation never saw.
 * Each is final (`retryable: false`): the operation has to be prepared again.
 */
import { type BoundExpr, metricsMightMatch, partitionFilter } from "../../expr";
import { partitionSpecById } from "../../spec";
import type { TableMetadata } from "../../spec/types";
import { WriteConflictError } from "../errors";
import type { ValidationInput } from "../snapshot/producer";
import { namesFile } from "../table/applicable-deletes";
import { changesOf, snapshotsSince } from "../table/changes";
import type { LiveFile } from "../table/manifest-reader";

export interface ConflictRules {
  baseSnapshotId: bigint | undefined;
  /** Data files the operation removes, rewrites or adds deletes to. */
  touched: ReadonlySet<string>;
  /** Data files whose rows it writes again. */
  rewritten: ReadonlySet<string>;
  /** Set under serializable isolation. */
  filter?: BoundExpr;
}

export function conflictCheck(rules: ConflictRules) {
  return async ({ fresh, head, reader }: ValidationInput): Promise<void> => {
    for (const snapshot of snapshotsSince(fresh, head, rules.baseSnapshotId)) {
      const changes = await changesOf(reader, snapshot);
      const where = { snapshot: snapshot.snapshotId.toString() };
      for (const gone of changes.deleted) {
        const path = gone.entry.dataFile.filePath;
        if (gone.entry.dataFile.content === "data" && rules.touched.has(path)) {
          throw new WriteConflictError(
            `Snapshot ${snapshot.snapshotId} removed ${path}, which this operation changes`,
            false,
            where,
          );
        }
      }
      for (const added of changes.added) checkAdded(rules, fresh, added, snapshot.snapshotId);
    }
  };
}

function checkAdded(
  rules: ConflictRules,
  fresh: TableMetadata,
  added: LiveFile,
  snapshotId: bigint,
) {
  const file = added.entry.dataFile;
  const where = { snapshot: snapshotId.toString(), file: file.filePath };
  if (file.content === "data") {
    if (rules.filter && mightMatch(rules.filter, fresh, added)) {
      throw new WriteConflictError(
        `Snapshot ${snapshotId} added rows that may match this operation's filter`,
        false,
        where,
      );
    }
    return;
  }
  const hit =
    file.content === "equality-deletes"
      ? rules.rewritten.size > 0
      : [...rules.rewritten].some((path) => namesFile(file, path));
  if (hit) {
    throw new WriteConflictError(
      `Snapshot ${snapshotId} deleted rows of files this operation rewrites`,
      false,
      where,
    );
  }
}

function mightMatch(filter: BoundExpr, metadata: TableMetadata, file: LiveFile): boolean {
  const spec = partitionSpecById(metadata, file.manifest.partitionSpecId);
  if (spec && !partitionFilter(filter, spec).partitionMightMatch(file.entry.dataFile.partition))
    return false;
  return metricsMightMatch(filter, file.entry.dataFile);
}
