/**
 * How many rows one federated table reference may bring into DuckDB. The source is asked
 * for one row more than the cap, so going over is seen without reading further.
 *
 *   TARN_FEDERATED_ROW_CAP   default 1,000,000
 *
 * The message does not name the variable: what a person sees is cleaned of anything
 * looking like Tarn's internals (plan/explain-error.ts), and they cannot set it anyway.
 */
import { AppError } from "@/lib/errors";

export const DEFAULT_FEDERATED_ROW_CAP = 1_000_000;

export function federatedRowCap(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TARN_FEDERATED_ROW_CAP;
  if (raw === undefined || raw.trim() === "") return DEFAULT_FEDERATED_ROW_CAP;
  const cap = Number(raw);
  if (!Number.isSafeInteger(cap) || cap <= 0)
    throw new Error(`TARN_FEDERATED_ROW_CAP must be a positive whole number, not "${raw}".`);
  return cap;
}

export function rowCapExceeded(table: string, cap: number): AppError {
  return new AppError(
    "bad_request",
    `${table} returned more than ${count(cap)} rows; add a filter. A federated table brings at most ${count(cap)} rows into a query; an admin can raise that limit.`,
  );
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}
