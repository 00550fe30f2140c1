/**
 * Deletes as SQL relations, to anti-join the data rows against.
 *
 * Position deletes: rows `(file, pos)` naming data-file rows by the file's local path (the
 * path DuckDB reports in `filename`) and its row number. Delete files name data files by
 * their recorded paths, so they are joined to a small VALUES table of the planned data
 * files that have position deletes — recorded path, local path, data sequence number —
 * which also applies the rule that a delete only removes rows of files whose sequence
 * number is not higher than its own. Deletion vectors, decoded at planning, add runs of
 * positions directly.
 *
 * Equality deletes: one relation per set of equality field ids, with the delete file's
 * sequence number and partition group on every row; the anti-join keeps a data row
 * unless a delete row with equal values (NULL equal to NULL) has a higher sequence number
 * and the same partition group — or no partition group (an unpartitioned delete file
 * applies everywhere).
 */
import type { NestedField } from "../../spec";
import type { PlannedFile, ScanTask } from "../types";
import { NO_HIVE } from "./no-hive";
import { duckType } from "../../duckdb/types";
import { groupBy } from "./group-by";
import { quoteIdent, quoteString, stringList } from "../../duckdb/quote";

export function positionDeletesSql(tasks: readonly ScanTask[]): string | undefined {
  const targets = tasks.filter((t) => t.deletes.positionDeletes.length > 0);
  if (targets.length === 0) return undefined;
  const parts: string[] = [];
  const files = unique(targets.flatMap((t) => t.deletes.positionDeletes));
  const parquet = files.filter((f) => !f.deletedRuns);
  if (parquet.length) parts.push(positionFilesSql(parquet, targets));
  const vectors = targets.flatMap((t) =>
    t.deletes.positionDeletes
      .filter((f) => f.deletedRuns)
      .flatMap((f) =>
        f.deletedRuns!.map(([start, end]) => [t.dataFile.localPath, start, end] as const),
      ),
  );
  if (vectors.length) {
    const rows = vectors.map(([file, start, end]) => `(${quoteString(file)}, ${start}, ${end})`);
    parts.push(
      `SELECT v.file, unnest(range(v.start_pos, v.end_pos)) AS pos FROM (VALUES ${rows.join(", ")}) v(file, start_pos, end_pos)`,
    );
  }
  return parts.join("\nUNION ALL\n");
}

function positionFilesSql(files: PlannedFile[], targets: ScanTask[]): string {
  const bySeq = groupBy(files, (f) => f.dataSequenceNumber);
  const reads = [...bySeq].map(
    ([seq, group]) =>
      `SELECT file_path, pos, ${seq} AS seq FROM read_parquet(${stringList(group.map((f) => f.localPath))}, union_by_name = true, ${NO_HIVE})`,
  );
  const rows = targets.map(
    (t) =>
      `(${quoteString(t.dataFile.filePath)}, ${quoteString(t.dataFile.localPath)}, ${t.dataFile.dataSequenceNumber})`,
  );
  return `SELECT t.local_path AS file, d.pos FROM (${reads.join(" UNION ALL ")}) d JOIN (VALUES ${rows.join(", ")}) t(recorded_path, local_path, data_seq) ON d.file_path = t.recorded_path AND t.data_seq <= d.seq`;
}

export interface EqualityDeleteGroup {
  fields: NestedField[];
  sql: string;
}

/**
 * One relation per distinct set of equality ids, with columns `e<id>`, `seq`, `part`.
 * `partOf` gives a delete file's partition group, or undefined when it applies to all.
 */
export function equalityDeleteGroups(
  files: readonly PlannedFile[],
  fieldOf: (id: number) => NestedField,
  partOf: (file: PlannedFile) => number | undefined,
): EqualityDeleteGroup[] {
  const bySet = groupBy(files, (f) => [...(f.equalityIds ?? [])].sort((a, b) => a - b).join(","));
  return [...bySet].map(([ids, group]) => {
    const fields = ids.split(",").map((id) => fieldOf(Number(id)));
    const schema = fields
      .map(
        (f) =>
          `${f.id}: {name: ${quoteString(`e${f.id}`)}, type: ${quoteString(duckType(f.type))}, default_value: NULL}`,
      )
      .join(", ");
    const columns = fields.map((f) => quoteIdent(`e${f.id}`)).join(", ");
    const bySeqPart = groupBy(group, (f) => `${f.dataSequenceNumber}|${partOf(f) ?? "NULL"}`);
    const reads = [...bySeqPart].map(([key, members]) => {
      const [seq, part] = key.split("|");
      const paths = stringList(members.map((m) => m.localPath));
      return `SELECT ${columns}, ${seq} AS seq, CAST(${part} AS INTEGER) AS part FROM read_parquet(${paths}, schema = MAP {${schema}})`;
    });
    return { fields, sql: reads.join("\nUNION ALL\n") };
  });
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
