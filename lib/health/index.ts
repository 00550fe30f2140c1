/**
 * Is Tarn able to work? Checks the metadata store answers and the warehouse folder is
 * writable. Reports no paths or connection details: the answer is public.
 */
import { access, constants, mkdir } from "node:fs/promises";
import type { TarnConfig } from "@/lib/config";
import type { Db } from "@/lib/db";

export type CheckStatus = "ok" | "error";

export interface HealthReport {
  status: "ok" | "degraded";
  database: { status: CheckStatus; provider: string; latencyMs?: number; message?: string };
  warehouse: { status: CheckStatus; message?: string };
}

export async function checkHealth(db: Db, config: TarnConfig): Promise<HealthReport> {
  const [database, warehouse] = await Promise.all([checkDatabase(db, config), checkWarehouse(config.warehouseDir)]);
  return { status: database.status === "ok" && warehouse.status === "ok" ? "ok" : "degraded", database, warehouse };
}

async function checkDatabase(db: Db, config: TarnConfig): Promise<HealthReport["database"]> {
  const started = performance.now();
  try {
    await db.user.count();
    return { status: "ok", provider: config.databaseProvider, latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { status: "error", provider: config.databaseProvider, message: "The metadata database does not answer." };
  }
}

async function checkWarehouse(dir: string): Promise<HealthReport["warehouse"]> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.R_OK | constants.W_OK);
    return { status: "ok" };
  } catch {
    return { status: "error", message: "The warehouse folder is not writable." };
  }
}
