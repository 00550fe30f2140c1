/**
 * Position delete files (v2): `file_path` (field id 2147483546) and `pos` (2147483545),
 * sorted by path then position as the spec requires, one file per partition of the
 * data files they point at, in that partition's folder (one file: DuckDB keeps row order
 * only when it writes a single file). A file naming a single data file records it as `referenced_data_file`, which
 * lets readers skip the others without opening it.
 */
import type { DataFile, PartitionData } from "../../manifest";
import { currentSchema, partitionSpecById } from "../../spec";
import type { NestedField, TableMetadata } from "../../spec/types";
import { partitionPathForSpec } from "../../transforms";
import { inspectWrittenFiles } from "../metrics/collect";
import { copyToParquet, type WrittenParquet } from "../parquet/copy";
import { compressionCodec, dataFolder } from "../properties";
import { fieldIdsOption } from "../sql/field-ids";
import { quoteIdent, quoteString } from "../../duckdb/quote";
import { FILE_PATH_ID, POS_ID } from "../table/applicable-deletes";
import type { LiveFile } from "../table/manifest-reader";
import { POSITION_COLUMN } from "../table/row-source";
import { deleteByPrefix, filePrefix } from "./file-names";
import { partitionFolder } from "./partitioned";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { FileIO } from "../../io/types";

const FIELDS: NestedField[] = [
  { id: FILE_PATH_ID, name: "file_path", required: true, type: "string" },
  { id: POS_ID, name: "pos", required: true, type: "long" },
];
const DELETE_SCHEMA = { type: "struct" as const, fields: FIELDS };
const FULL = new Map(FIELDS.map((f) => [f.id, { kind: "full" as const }]));

/** A data file and a query selecting its deleted rows (with the position column). */
export interface PositionTarget {
  file: LiveFile;
  deletedRowsSql: string;
}

export interface PositionDeleteInput {
  connection: DuckDBConnection;
  io: FileIO;
  metadata: TableMetadata;
  operationId: string;
  targets: readonly PositionTarget[];
}

export interface WrittenDeletes {
  specId: number;
  files: DataFile[];
}

export async function writePositionDeletes(input: PositionDeleteInput): Promise<WrittenDeletes[]> {
  const written: WrittenParquet[] = [];
  try {
    const out = new Map<number, DataFile[]>();
    let ordinal = 0;
    for (const group of groupByPartition(input.targets)) {
      const files = await writeGroup(input, group, ordinal++);
      written.push(...files);
      const described = await describe(input, group, files);
      out.set(group.specId, [...(out.get(group.specId) ?? []), ...described]);
    }
    return [...out].map(([specId, files]) => ({ specId, files }));
  } catch (error) {
    await Promise.all(written.map((f) => input.io.delete(f.location)));
    throw error;
  }
}

interface Group {
  specId: number;
  partition: PartitionData;
  targets: PositionTarget[];
}

function groupByPartition(targets: readonly PositionTarget[]): Group[] {
  const groups = new Map<string, Group>();
  for (const target of targets) {
    const specId = target.file.manifest.partitionSpecId;
    const partition = target.file.entry.dataFile.partition;
    const key = `${specId}|${[...partition.values()].map(keyPart).join("|")}`;
    const group = groups.get(key) ?? { specId, partition, targets: [] };
    group.targets.push(target);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function keyPart(value: unknown): string {
  return value instanceof Uint8Array ? Buffer.from(value).toString("hex") : `${typeof value}:${String(value)}`;
}

async function writeGroup(input: PositionDeleteInput, group: Group, ordinal: number) {
  const rows = group.targets.map(
    (t) =>
      `SELECT CAST(${quoteString(t.file.entry.dataFile.filePath)} AS VARCHAR) AS file_path,
              CAST(${quoteIdent(POSITION_COLUMN)} AS BIGINT) AS pos
       FROM (${t.deletedRowsSql})`,
  );
  const folder = partitionFolder(dataFolder(input.metadata), folderOf(input.metadata, group));
  const prefix = filePrefix(input.operationId, ordinal, "deletes-");
  try {
    return await copyToParquet({
      connection: input.connection,
      io: input.io,
      selectSql: `SELECT file_path, pos FROM (${rows.join(" UNION ALL ")}) ORDER BY file_path, pos`,
      folder,
      prefix,
      options: {
        fieldIds: fieldIdsOption(FIELDS),
        compression: compressionCodec(input.metadata),
      },
    });
  } catch (error) {
    await deleteByPrefix(input.io, folder, prefix);
    throw error;
  }
}

/** The partition folder of the data files' spec; the data root if it cannot be named. */
function folderOf(metadata: TableMetadata, group: Group): string {
  const spec = partitionSpecById(metadata, group.specId);
  if (!spec || spec.fields.length === 0) return "";
  try {
    return partitionPathForSpec(spec, currentSchema(metadata), [...group.partition.values()]);
  } catch {
    return "";
  }
}

async function describe(input: PositionDeleteInput, group: Group, files: WrittenParquet[]): Promise<DataFile[]> {
  const { metrics } = await inspectWrittenFiles({
    connection: input.connection,
    files,
    schema: DELETE_SCHEMA,
    modes: FULL,
  });
  const single = group.targets.length === 1 ? group.targets[0].file.entry.dataFile.filePath : undefined;
  return files.map((file) => ({
    content: "position-deletes" as const,
    filePath: file.location,
    fileFormat: "parquet" as const,
    partition: group.partition,
    recordCount: file.recordCount,
    fileSizeInBytes: file.fileSizeInBytes,
    ...metrics.get(file.localPath),
    ...(single === undefined ? {} : { referencedDataFile: single }),
  }));
}
