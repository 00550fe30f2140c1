/**
 * The engine's limits and folders, read from the environment once (tests pass their own).
 *
 *   TARN_QUERY_SLOTS          queries running at once (default 3 on this 2-core class of machine)
 *   TARN_QUERY_QUEUE_MAX      queries waiting for a slot before new ones are refused (default 100)
 *   TARN_QUERY_TIMEOUT_MS     time limit of one statement once it runs (default 5 min)
 *   TARN_QUERY_MEMORY_LIMIT   DuckDB memory limit of each slot, so of each query (default 768MB)
 *   TARN_QUERY_THREADS        DuckDB threads of each slot (default: the machine's cores)
 *   TARN_RESULTS_MEMORY_LIMIT memory of the instance that keeps results (default 256MB; spills to disk)
 *   TARN_RESULT_TTL_HOURS     how long kept results stay readable (default 24)
 *
 * The memory defaults keep the server under 2 GB with 10 queries at once over 6M rows
 * (bench/query-memory: peak RSS 1385–1463 MB at 3 × 768MB + 256MB, once streamed chunks are
 * released early — see native-memory.ts; 3.2 GB before that).
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import { getConfig } from "@/lib/config";

export interface ExecOptions {
  slots: number;
  queueMax: number;
  timeoutMs: number;
  memoryLimit: string;
  threads: number;
  resultsMemoryLimit: string;
  resultTtlMs: number;
  /** Tarn's warehouse: always inside the query sandbox. */
  warehouseDir: string;
  /** Where kept results live: `<resultsDir>/<userId>/<runId>.parquet`. */
  resultsDir: string;
  /** DuckDB's spill folders, one per instance, under the data folder. */
  tempDir: string;
}

type Env = Record<string, string | undefined>;

export function readExecOptions(env: Env = process.env): ExecOptions {
  const config = getConfig();
  return {
    slots: positive(env.TARN_QUERY_SLOTS, 3, "TARN_QUERY_SLOTS"),
    queueMax: positive(env.TARN_QUERY_QUEUE_MAX, 100, "TARN_QUERY_QUEUE_MAX"),
    timeoutMs: positive(env.TARN_QUERY_TIMEOUT_MS, 5 * 60_000, "TARN_QUERY_TIMEOUT_MS"),
    memoryLimit: size(env.TARN_QUERY_MEMORY_LIMIT, "768MB", "TARN_QUERY_MEMORY_LIMIT"),
    threads: positive(env.TARN_QUERY_THREADS, availableParallelism(), "TARN_QUERY_THREADS"),
    resultsMemoryLimit: size(env.TARN_RESULTS_MEMORY_LIMIT, "256MB", "TARN_RESULTS_MEMORY_LIMIT"),
    resultTtlMs: positive(env.TARN_RESULT_TTL_HOURS, 24, "TARN_RESULT_TTL_HOURS") * 3_600_000,
    warehouseDir: config.warehouseDir,
    resultsDir: config.resultsDir,
    tempDir: path.join(config.dataDir, "tmp", "duckdb"),
  };
}

function positive(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}".`);
  return value;
}

/** "512MB", "2GB", "1.5GiB": DuckDB's own size syntax, checked before it reaches a SET. */
function size(raw: string | undefined, fallback: string, name: string): string {
  const value = raw?.trim() || fallback;
  if (!/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(value)) {
    throw new Error(`${name} must be a size such as 512MB or 2GB, not "${value}".`);
  }
  return value;
}
