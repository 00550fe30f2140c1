/** Rows of the metadata store ↔ the shapes of types.ts. */
import { type ChartConfig, type CellData, type CellKind, chartConfig, type Parameters, parameters } from "./types";

/** Namespace levels are stored joined by U+001F (a level may contain "." or "/"). */
const LEVEL_SEPARATOR = "\u001f";

export function namespaceToRow(levels: string[] | null): string | null {
  return levels && levels.length > 0 ? levels.join(LEVEL_SEPARATOR) : null;
}

export function namespaceFromRow(value: string | null): string[] | null {
  return value ? value.split(LEVEL_SEPARATOR) : null;
}

export function chartFromRow(value: string | null): ChartConfig | null {
  if (!value) return null;
  try {
    const parsed = chartConfig.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function chartToRow(chart: ChartConfig | null): string | null {
  return chart ? JSON.stringify(chart) : null;
}

export function parametersFromRow(value: string): Parameters {
  try {
    const parsed = parameters.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

interface CellRow {
  id: string;
  position: number;
  kind: string;
  source: string;
  chart: string | null;
  updatedAt: Date;
}

export function cellFromRow(row: CellRow): CellData {
  const kind: CellKind = row.kind === "markdown" ? "markdown" : "sql";
  return { id: row.id, position: row.position, kind, source: row.source, chart: chartFromRow(row.chart), updatedAt: row.updatedAt };
}
