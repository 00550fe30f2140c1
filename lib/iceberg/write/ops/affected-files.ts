/**
 * Which data files a row filter touches. Partition values and column metrics decide
 * without reading when they can: no row can match (untouched), or no row can fail to
 * match — the inclusive evaluator says `not(filter)` cannot match, which under the exact
 * `rewriteNot` means every row matches (the whole file goes). Only the rest are read,
 * in one query that counts matching and live rows per file.
 */
import {
  type BoundExpr,
  metricsMightMatch,
  not,
  type PartitionFilter,
  partitionFilter,
} from "../../expr";
import { partitionSpecById } from "../../spec";
import { asNumber, queryRows } from "../duck/query";
import type { LiveFile } from "../table/manifest-reader";
import { type FileWithDeletes, matchSql, rowsOf, type TableView, withDeletes } from "./table-view";

export interface Affected {
  /** Every live row matches (by metrics): nothing to read. */
  wholly: FileWithDeletes[];
  /** Some rows might match: to be read. */
  maybe: FileWithDeletes[];
}

export function findAffected(view: TableView, filter: BoundExpr): Affected {
  const out: Affected = { wholly: [], maybe: [] };
  const byPartition = new Map<number, PartitionFilter>();
  const negated = not(filter);
  for (const file of view.files.data) {
    if (!partitionMightMatch(view, filter, file, byPartition)) continue;
    const dataFile = file.entry.dataFile;
    if (!metricsMightMatch(filter, dataFile)) continue;
    const target = withDeletes(view, file);
    if (!metricsMightMatch(negated, dataFile)) out.wholly.push(target);
    else out.maybe.push(target);
  }
  return out;
}

function partitionMightMatch(
  view: TableView,
  filter: BoundExpr,
  file: LiveFile,
  cache: Map<number, PartitionFilter>,
): boolean {
  const specId = file.manifest.partitionSpecId;
  let evaluator = cache.get(specId);
  if (!evaluator) {
    const spec = partitionSpecById(view.metadata, specId);
    if (!spec) return true;
    evaluator = partitionFilter(filter, spec);
    cache.set(specId, evaluator);
  }
  return evaluator.partitionMightMatch(file.entry.dataFile.partition);
}

export interface Counted extends FileWithDeletes {
  matched: number;
  live: number;
}

/** Matching and live rows of each file, in one query. */
export async function countMatches(
  view: TableView,
  filter: BoundExpr,
  targets: readonly FileWithDeletes[],
): Promise<Counted[]> {
  if (targets.length === 0) return [];
  const parts = targets.map(
    (target, i) =>
      `SELECT ${i} AS file_index, count_if(${matchSql(view, filter, "r")}) AS matched, count(*) AS live
       FROM (${rowsOf(view, target)}) AS r`,
  );
  const rows = await queryRows(view.connection, parts.join(" UNION ALL "));
  const counts = new Map(
    rows.map(([i, matched, live]) => [asNumber(i), [asNumber(matched), asNumber(live)]]),
  );
  return targets.map((target, i) => {
    const [matched, live] = counts.get(i) ?? [0, 0];
    return { ...target, matched, live };
  });
}
