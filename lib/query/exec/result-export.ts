/**
 * A whole kept result as a download: Parquet is the kept file itself; CSV and JSON are
 * written from it by the results instance into an export file, which is streamed and
 * removed when the download ends (or is abandoned).
 */
import { randomUUID } from "node:crypto";
import { createReadStream, existsSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import { quoteString } from "@/lib/iceberg/duckdb";
import type { QueryEngine } from "./engine";
import { untilKept } from "./live-run";
import { findRun, type RunReader } from "./run-access";

export const EXPORT_FORMATS = ["csv", "json", "parquet"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ResultExport {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  fileName: string;
  size: number;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  parquet: "application/vnd.apache.parquet",
};

const COPY_OPTIONS: Record<Exclude<ExportFormat, "parquet">, string> = {
  csv: "FORMAT csv, HEADER true",
  json: "FORMAT json, ARRAY true",
};

export async function exportResult(reader: RunReader, engine: QueryEngine, id: string, format: ExportFormat): Promise<ResultExport> {
  const file = await keptFile(reader, engine, id);
  const fileName = `query-${id}.${format}`;
  if (format === "parquet") return { body: streamOf(file), contentType: CONTENT_TYPES.parquet, fileName, size: statSync(file).size };
  const userId = path.basename(path.dirname(file));
  const out = path.join(engine.store.exportDir(userId), `${id}-${randomUUID()}.${format}`);
  try {
    await engine.store.withConnection((c) => c.run(`COPY (SELECT * FROM read_parquet(${quoteString(file)})) TO ${quoteString(out)} (${COPY_OPTIONS[format]})`));
    return { body: streamOf(out, () => rmSync(out, { force: true })), contentType: CONTENT_TYPES[format], fileName, size: statSync(out).size };
  } catch (error) {
    rmSync(out, { force: true });
    throw error;
  }
}

async function keptFile(reader: RunReader, engine: QueryEngine, id: string): Promise<string> {
  const { live, row } = await findRun(reader, engine, id, "read");
  if (live) await untilKept(live); // a small result is answered a moment before its file is written
  if (live && !live.resultPath && (live.status === "queued" || live.status === "running")) {
    throw new AppError("conflict", "The result is still arriving; export it once the statement has finished.");
  }
  const file = live ? live.resultPath : row.resultExpiresAt && row.resultExpiresAt > new Date() ? row.resultPath : null;
  if (file && existsSync(file)) return file;
  const expiredOnce = live ? live.expiresAt : row.resultExpiresAt;
  throw new AppError(expiredOnce ? "not_found" : "bad_request", expiredOnce ? "This result is no longer kept; run the statement again to export it." : "This statement has no rows to export.");
}

function streamOf(file: string, onClose?: () => void): ReadableStream<Uint8Array> {
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  if (onClose) stream.once("close", onClose);
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
}
