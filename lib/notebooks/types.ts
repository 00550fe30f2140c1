/** The shapes notebooks travel in, and their zod schemas (input checked here, once). */
import { z } from "zod";
import type { SharePermission } from "@/lib/access";

export const CELL_KINDS = ["sql", "markdown"] as const;
export type CellKind = (typeof CELL_KINDS)[number];

export const CHART_TYPES = ["bar", "line", "area", "scatter", "pie"] as const;
export type ChartType = (typeof CHART_TYPES)[number];

const columnName = z.string().min(1).max(255);

/** A chart drawn from a cell's result: which statement's result, x, one or more y, an optional group. */
export const chartConfig = z.object({
  type: z.enum(CHART_TYPES),
  x: columnName,
  y: z.array(columnName).min(1).max(8),
  group: columnName.nullable().default(null),
  statement: z.number().int().min(0).max(999).default(0),
});
export type ChartConfig = z.output<typeof chartConfig>;

/** Parameter values as JSON: bound to `:name` placeholders when a cell runs. */
export const parameterValue = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);
export type ParameterValue = z.output<typeof parameterValue>;
export const parameterName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, "A parameter name is letters, digits and _, starting with a letter or _.");
export const parameters = z.record(parameterName, parameterValue).refine((p) => Object.keys(p).length <= 100, "At most 100 parameters.");
export type Parameters = Record<string, ParameterValue>;

export const MAX_SOURCE = 1_000_000;
export const MAX_CELLS = 500;

export const title = z.string().trim().min(1, "Give the notebook a title.").max(200, "A title can have at most 200 characters.");

export interface CellData {
  id: string;
  position: number;
  kind: CellKind;
  source: string;
  chart: ChartConfig | null;
  updatedAt: Date;
}

/** Where unqualified names resolve for this notebook. */
export interface NotebookContext {
  catalog: string | null;
  namespace: string[] | null;
}

export interface NotebookSummary {
  id: string;
  title: string;
  owner: { id: string; username: string; displayName: string | null };
  /** What the asking principal may do with it. */
  access: "owner" | SharePermission;
  cellCount: number;
  updatedAt: Date;
}

export interface NotebookDetail extends NotebookSummary, NotebookContext {
  parameters: Parameters;
  cells: CellData[];
}

export interface ShareEntry {
  principalType: "user" | "group";
  principalId: string;
  /** Username or group name, for the dialog. */
  name: string;
  permission: SharePermission;
}

/** A notebook as files carry it: no ids, no owner. */
export interface NotebookDocument {
  title: string;
  catalog: string | null;
  namespace: string[] | null;
  parameters: Parameters;
  cells: { kind: CellKind; source: string; chart: ChartConfig | null }[];
}
