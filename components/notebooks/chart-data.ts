/** Turning result rows into what Recharts draws: one row per x, one key per series. */
import type { ChartConfig } from "./types";

export const CHART_ROW_LIMIT = 5000;
export const MAX_SERIES = 12;

export interface ChartData {
  rows: Record<string, string | number | null>[];
  series: string[];
}

export function toNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && value.trim() !== "") {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  return null;
}

function label(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** Rows as objects by column name → chart rows: pivoted by `group` when set, summed per x for pie. */
export function chartData(config: ChartConfig, rows: Record<string, unknown>[]): ChartData {
  if (config.type === "pie") {
    const sums = new Map<string, number>();
    for (const row of rows) sums.set(label(row[config.x]), (sums.get(label(row[config.x])) ?? 0) + (toNumber(row[config.y[0]]) ?? 0));
    return { rows: [...sums].map(([name, value]) => ({ name, value })), series: ["value"] };
  }
  const xValue = (row: Record<string, unknown>) => (config.type === "scatter" ? toNumber(row[config.x]) : label(row[config.x]));
  if (!config.group) {
    return { rows: rows.map((row) => ({ x: xValue(row), ...Object.fromEntries(config.y.map((y) => [y, toNumber(row[y])])) })), series: config.y };
  }
  const group = config.group;
  const series: string[] = [];
  const byX = new Map<string | number | null, Record<string, string | number | null>>();
  for (const row of rows) {
    const name = label(row[group]);
    if (!series.includes(name)) {
      if (series.length >= MAX_SERIES) continue;
      series.push(name);
    }
    const x = xValue(row);
    const entry = byX.get(x) ?? { x };
    entry[name] = toNumber(row[config.y[0]]);
    byX.set(x, entry);
  }
  return { rows: [...byX.values()], series };
}
