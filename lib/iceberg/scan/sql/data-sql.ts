/**
 * The data side of a scan: one `read_parquet` per group of data files that read the same
 * way (same columns requested, same constants), UNION ALL'ed. Each group yields the
 * wanted fields as `<prefix><i>`, plus — when deletes need them — the file's local path,
 * the row's position in it, the file's data sequence number and its partition group.
 */
import type { NestedField, PartitionSpec } from "../../spec";
import type { NameMapping } from "../name-mapping";
import type { PlannedFile } from "../types";
import { type FileReadPlan, planFileRead } from "./file-read";
import { groupBy } from "./group-by";
import { quoteIdent, quoteString, stringList } from "./quote";

export interface DataSqlInput {
  files: readonly PlannedFile[];
  fields: readonly NestedField[];
  specs: ReadonlyMap<number, PartitionSpec>;
  nameMapping?: NameMapping;
  prefix: string;
  withFileAndPos: boolean;
  /** When set, rows carry `<prefix>seq` and `<prefix>part` (for equality deletes). */
  partOf?: (file: PlannedFile) => number | undefined;
}

export function dataSql(input: DataSqlInput): string {
  const groups = groupBy(
    input.files.map((file) => ({ file, read: readPlanFor(input, file) })),
    ({ file, read }) => JSON.stringify([read, ...constantsOf(input, file)]),
  );
  return [...groups.values()]
    .map((members) =>
      groupSql(
        input,
        members.map((m) => m.file),
        members[0].read,
      ),
    )
    .join("\nUNION ALL\n");
}

function readPlanFor(input: DataSqlInput, file: PlannedFile): FileReadPlan {
  return planFileRead(input.fields, file, input.specs.get(file.specId), input.nameMapping);
}

function constantsOf(input: DataSqlInput, file: PlannedFile): string[] {
  if (!input.partOf) return [];
  const part = input.partOf(file);
  return [String(file.dataSequenceNumber), part === undefined ? "NULL" : String(part)];
}

function groupSql(input: DataSqlInput, files: PlannedFile[], read: FileReadPlan): string {
  const p = input.prefix;
  const select = read.values.map((value, i) => `${value} AS ${quoteIdent(`${p}${i}`)}`);
  const options: string[] = [];
  if (input.withFileAndPos) {
    select.push(`${quoteIdent(`${p}file`)}`, `file_row_number AS ${quoteIdent(`${p}pos`)}`);
    options.push(`filename = ${quoteString(`${p}file`)}`, "file_row_number = true");
  }
  if (input.partOf) {
    const [seq, part] = constantsOf(input, files[0]);
    select.push(
      `${seq} AS ${quoteIdent(`${p}seq`)}`,
      `CAST(${part} AS INTEGER) AS ${quoteIdent(`${p}part`)}`,
    );
  }
  if (!read.byName && read.columns.length) options.unshift(`schema = ${schemaMap(read)}`);
  const args = [stringList(files.map((f) => f.localPath)), ...options].join(", ");
  return `SELECT ${select.join(", ") || "1"} FROM read_parquet(${args})`;
}

/** `MAP {1: {name: 'c0', type: 'BIGINT', default_value: NULL}, …}`: columns by field id. */
function schemaMap(read: FileReadPlan): string {
  const entries = read.columns.map(
    (c) =>
      // default_value is cast to `type`; VARIANT lets every entry share one struct type
      `${c.key}: {name: ${quoteString(c.alias)}, type: ${quoteString(c.readType)}, default_value: CAST(${c.defaultSql} AS VARIANT)}`,
  );
  return `MAP {${entries.join(", ")}}`;
}
