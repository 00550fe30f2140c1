/**
 * Writes rows into Parquet data files of a table — field ids on every column, one folder
 * per partition of the default spec, metrics from what was written — and returns the
 * manifest `DataFile`s. Nothing is committed here. If anything fails (a cast, a NULL in
 * a required column), every file this call wrote is deleted before the error surfaces.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { FileIO } from "../../io/types";
import type { DataFile, PartitionData } from "../../manifest";
import { currentSchema, defaultPartitionSpec } from "../../spec";
import type { TableMetadata } from "../../spec/types";
import { WriteError } from "../errors";
import { metricsModes } from "../metrics/config";
import { inspectWrittenFiles } from "../metrics/collect";
import { copyToParquet, type ParquetOptions, type WrittenParquet } from "../parquet/copy";
import { rowChecks } from "../parquet/row-checks";
import { compressionCodec, dataFolder, targetFileSize } from "../properties";
import { fieldIdsOption } from "../sql/field-ids";
import { deleteByPrefix, filePrefix } from "./file-names";
import { partitionFolder, stagePartitions } from "./partitioned";
import { projectionSql, sourceColumns } from "./source";

export interface WriteDataInput {
  connection: DuckDBConnection;
  io: FileIO;
  metadata: TableMetadata;
  /** A DuckDB query whose columns are named like the table's top-level columns. */
  sourceSql: string;
  /** Unique per operation: every file name carries it. */
  operationId: string;
}

export interface WrittenDataFiles {
  specId: number;
  files: DataFile[];
}

interface WrittenGroup {
  partition: PartitionData;
  files: WrittenParquet[];
}

export async function writeDataFiles(input: WriteDataInput): Promise<WrittenDataFiles> {
  const schema = currentSchema(input.metadata);
  const spec = defaultPartitionSpec(input.metadata);
  const rowsSql = projectionSql(schema, input.sourceSql, await sourceColumns(input.connection, input.sourceSql));
  const groups: WrittenGroup[] = [];
  try {
    if (spec.fields.length === 0) {
      groups.push({ partition: new Map(), files: await copyGroup(input, rowsSql, "", 0) });
    } else {
      await writePartitions(input, rowsSql, groups);
    }
    return { specId: spec.specId, files: await describeFiles(input, groups) };
  } catch (error) {
    await Promise.all(groups.flatMap((g) => g.files).map((f) => input.io.delete(f.location)));
    throw asWriteError(error);
  }
}

async function writePartitions(input: WriteDataInput, rowsSql: string, groups: WrittenGroup[]) {
  const schema = currentSchema(input.metadata);
  const spec = defaultPartitionSpec(input.metadata);
  const stageName = `__tarn_stage_${input.operationId.replaceAll("-", "")}`;
  const stage = await stagePartitions(input.connection, rowsSql, schema, spec, stageName);
  try {
    for (const part of stage.partitions) {
      const files = await copyGroup(input, part.selectSql, part.path, part.ordinal);
      groups.push({ partition: part.partition, files });
    }
  } finally {
    await stage.drop();
  }
}

async function copyGroup(
  input: WriteDataInput,
  selectSql: string,
  relativeFolder: string,
  ordinal: number,
): Promise<WrittenParquet[]> {
  const folder = partitionFolder(dataFolder(input.metadata), relativeFolder);
  const prefix = filePrefix(input.operationId, ordinal);
  try {
    return await copyToParquet({
      connection: input.connection,
      io: input.io,
      selectSql,
      folder,
      prefix,
      options: parquetOptions(input.metadata),
    });
  } catch (error) {
    await deleteByPrefix(input.io, folder, prefix);
    throw error;
  }
}

/**
 * `write.parquet.row-group-size-bytes` is not honoured: DuckDB sizes row groups in bytes
 * only when it may reorder rows, a connection-wide setting we leave alone.
 */
export function parquetOptions(metadata: TableMetadata): ParquetOptions {
  return {
    fieldIds: fieldIdsOption(currentSchema(metadata).fields),
    targetFileSizeBytes: targetFileSize(metadata),
    compression: compressionCodec(metadata),
  };
}

async function describeFiles(input: WriteDataInput, groups: WrittenGroup[]): Promise<DataFile[]> {
  const schema = currentSchema(input.metadata);
  const written = groups.flatMap((g) => g.files);
  const { metrics, failures } = await inspectWrittenFiles({
    connection: input.connection,
    files: written,
    schema,
    modes: metricsModes(input.metadata.properties, schema),
    checks: rowChecks(schema),
  });
  if (failures.length > 0) throw new WriteError("invalid-row", failures.join("; "));
  return groups.flatMap((group) =>
    group.files.map((file) => ({
      content: "data" as const,
      filePath: file.location,
      fileFormat: "parquet" as const,
      partition: group.partition,
      recordCount: file.recordCount,
      fileSizeInBytes: file.fileSizeInBytes,
      ...metrics.get(file.localPath),
    })),
  );
}

/**
 * DuckDB reports a failed cast or bad SQL as a plain `Error` ("Conversion Error: …"):
 * that is the caller's input. Our own errors and file-system errors pass through.
 */
function asWriteError(error: unknown): unknown {
  if (!(error instanceof Error) || error.constructor !== Error) return error;
  return new WriteError("invalid-input", `The rows could not be written: ${error.message}`, {
    cause: error,
  });
}
