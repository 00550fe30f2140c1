/**
 * Schema inference for external tables, by DuckDB: `DESCRIBE SELECT * FROM read_…(…)`.
 * A private in-memory DuckDB instance does it — it reads folders the query engine's
 * sandbox may not allow, and only ever runs SQL built here.
 */
import { opendir } from "node:fs/promises";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { AppError } from "@/lib/errors";
import { icebergTypeOfDuck } from "./duck-types";
import { FORMAT_LABELS, formatOfFile } from "./formats";
import { partitionKeysOf } from "./folder";
import { type ExternalSource, readerSql } from "./relation";

export interface ExternalColumn {
  name: string;
  /** Iceberg-like type name, for display ("long", "list<string>"). */
  type: string;
  /** The type DuckDB reads ("BIGINT", "VARCHAR[]"). */
  duckType: string;
  nullable: boolean;
  /** True for columns that come from `key=value` folder names. */
  partition: boolean;
}

let instance: Promise<DuckDBInstance> | undefined;

function duck(): Promise<DuckDBInstance> {
  instance ??= DuckDBInstance.create(":memory:", { threads: "2" });
  return instance;
}

export async function inferColumns(source: ExternalSource): Promise<ExternalColumn[]> {
  const connection = await (await duck()).connect();
  try {
    const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${readerSql(source)}`);
    const rows = reader.getRowObjectsJson() as {
      column_name: string;
      column_type: string;
      null: string;
    }[];
    const partitions = new Set(
      source.options.hivePartitioning === false ? [] : partitionKeysOf(await firstFile(source)),
    );
    return rows.map((row) => ({
      name: row.column_name,
      type: icebergTypeOfDuck(row.column_type),
      duckType: row.column_type,
      nullable: row.null !== "NO",
      partition: partitions.has(row.column_name),
    }));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable(source, error);
  } finally {
    connection.closeSync();
  }
}

function unreadable(source: ExternalSource, error: unknown): AppError {
  const message = (error as Error).message ?? String(error);
  const label = FORMAT_LABELS[source.format];
  if (message.includes("No files found")) {
    return new AppError(
      "bad_request",
      `The folder ${source.folder} holds no ${label} files any more.`,
      { cause: error },
    );
  }
  if (message.includes("Hive partition mismatch")) {
    return new AppError(
      "bad_request",
      `The ${label} files of ${source.folder} sit at different partition folder depths (some in key=value folders, some not); move them into one layout or turn Hive partitioning off.`,
      { cause: error },
    );
  }
  const first = message.split("\n")[0].replace(/^[\w ]+Error: /, "");
  return new AppError(
    "bad_request",
    `Cannot read the ${label} files of ${source.folder}: ${first}`,
    { cause: error },
  );
}

/** The first data file of the format, depth first (relative to the folder): it shows the partition folders. */
async function firstFile(source: ExternalSource, dir = source.folder): Promise<string | undefined> {
  const folders: string[] = [];
  for await (const entry of await opendir(dir)) {
    if (entry.isFile() && formatOfFile(entry.name) === source.format)
      return path.relative(source.folder, path.join(dir, entry.name));
    if (entry.isDirectory() && !entry.name.startsWith(".")) folders.push(entry.name);
  }
  for (const name of folders.sort()) {
    const found = await firstFile(source, path.join(dir, name));
    if (found) return found;
  }
  return undefined;
}
