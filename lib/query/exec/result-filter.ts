/**
 * The grid's sort and filter as SQL over a kept result: column names are checked against
 * the result's own columns and quoted, values are bound as parameters, never spliced.
 * Filters follow AG Grid's filter model (text, number, date; one condition or two joined
 * by AND/OR); anything else is refused with a message.
 */
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { quoteIdent } from "@/lib/iceberg/duckdb";
import type { ParamValue } from "../types";
import type { ResultColumn } from "./run-types";

export interface SortKey {
  column: string;
  direction: "asc" | "desc";
}

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]).optional();
const condition = z.object({
  filterType: z.enum(["text", "number", "date"]).optional(),
  type: z.string(),
  filter: scalar,
  filterTo: scalar,
  dateFrom: scalar,
  dateTo: scalar,
});
const columnFilter = z.union([
  z.object({ filterType: z.enum(["text", "number", "date"]).optional(), operator: z.enum(["AND", "OR"]), conditions: z.array(condition).min(1).max(10) }),
  condition,
]);
export const filterModelSchema = z.record(z.string(), columnFilter);
export type FilterModel = z.infer<typeof filterModelSchema>;
type Condition = z.infer<typeof condition>;

export interface WhereClause {
  sql: string;
  params: ParamValue[];
}

export function orderBy(sort: SortKey[], columns: ResultColumn[]): string {
  if (sort.length === 0) return "";
  const keys = sort.map((key) => `${quoteIdent(columnOf(columns, key.column).name)} ${key.direction === "desc" ? "DESC" : "ASC"} NULLS LAST`);
  return ` ORDER BY ${keys.join(", ")}`;
}

/** `params` continue from `firstParam` ($1, $2…). */
export function whereOf(filter: FilterModel | undefined, columns: ResultColumn[], firstParam = 1): WhereClause {
  const params: ParamValue[] = [];
  const bind = (value: ParamValue) => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };
  const parts = Object.entries(filter ?? {}).map(([name, model]) => {
    const column = columnOf(columns, name);
    if ("conditions" in model) {
      const joined = model.conditions.map((c) => conditionSql(column, { ...c, filterType: c.filterType ?? model.filterType }, bind));
      return `(${joined.join(` ${model.operator} `)})`;
    }
    return conditionSql(column, model, bind);
  });
  return { sql: parts.length > 0 ? ` WHERE ${parts.join(" AND ")}` : "", params };
}

function columnOf(columns: ResultColumn[], name: string): ResultColumn {
  const column = columns.find((c) => c.name === name);
  if (!column) throw new AppError("bad_request", `The result has no column ${JSON.stringify(name)}.`);
  return column;
}

type Bind = (value: ParamValue) => string;

const COMPARE: Record<string, string> = {
  equals: "=",
  notEqual: "<>",
  lessThan: "<",
  lessThanOrEqual: "<=",
  greaterThan: ">",
  greaterThanOrEqual: ">=",
};

function conditionSql(column: ResultColumn, c: Condition, bind: Bind): string {
  const ident = quoteIdent(column.name);
  if (c.type === "blank") return `(${ident} IS NULL OR CAST(${ident} AS VARCHAR) = '')`;
  if (c.type === "notBlank") return `(${ident} IS NOT NULL AND CAST(${ident} AS VARCHAR) <> '')`;
  const kind = c.filterType ?? "text";
  if (kind === "number") return compare(`TRY_CAST(${ident} AS DOUBLE)`, c.type, numberOf(c.filter, column), c.filterTo === undefined ? undefined : numberOf(c.filterTo, column), "DOUBLE", bind);
  // The grid's date filter is by day: a timestamp on 2024-01-03 equals 2024-01-03.
  if (kind === "date") return compare(`TRY_CAST(${ident} AS DATE)`, c.type, textOf(c.dateFrom, column), c.dateTo == null ? undefined : textOf(c.dateTo, column), "DATE", bind);
  return textCondition(`CAST(${ident} AS VARCHAR)`, c.type, textOf(c.filter, column), bind);
}

function compare(expr: string, type: string, value: ParamValue, to: ParamValue | undefined, cast: string, bind: Bind): string {
  if (type === "inRange") {
    if (to === undefined) throw new AppError("bad_request", "A range filter needs both ends.");
    return `(${expr} >= CAST(${bind(value)} AS ${cast}) AND ${expr} <= CAST(${bind(to)} AS ${cast}))`;
  }
  const op = COMPARE[type];
  if (!op) throw new AppError("bad_request", `This filter (${type}) is not supported here.`);
  return `${expr} ${op} CAST(${bind(value)} AS ${cast})`;
}

function textCondition(expr: string, type: string, value: string, bind: Bind): string {
  const lowered = `lower(${expr})`;
  const v = () => `lower(${bind(value)})`;
  switch (type) {
    case "contains":
      return `contains(${lowered}, ${v()})`;
    case "notContains":
      return `NOT coalesce(contains(${lowered}, ${v()}), false)`;
    case "equals":
      return `${lowered} = ${v()}`;
    case "notEqual":
      return `${lowered} IS DISTINCT FROM ${v()}`;
    case "startsWith":
      return `starts_with(${lowered}, ${v()})`;
    case "endsWith":
      return `suffix(${lowered}, ${v()})`;
    default:
      throw new AppError("bad_request", `This filter (${type}) is not supported here.`);
  }
}

function numberOf(value: unknown, column: ResultColumn): number {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) throw new AppError("bad_request", `The filter on ${column.name} needs a number.`);
  return n;
}

function textOf(value: unknown, column: ResultColumn): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw new AppError("bad_request", `The filter on ${column.name} needs a value.`);
}

/**
 * The sort a URL carries → sort keys: a JSON list `[{"column":"a,b","direction":"desc"}]`
 * (what the grid sends: any column name), or the short form "a:asc,b:desc" for names
 * without commas.
 */
export function parseSort(text: string | null | undefined): SortKey[] {
  if (!text) return [];
  if (text.trimStart().startsWith("[")) return parseSortList(text);
  return text.split(",").map((part) => {
    const at = part.lastIndexOf(":");
    const direction = at < 0 ? "asc" : part.slice(at + 1).toLowerCase();
    if (direction !== "asc" && direction !== "desc") throw new AppError("bad_request", `Sort by ${JSON.stringify(part)}: the direction is asc or desc.`);
    return { column: at < 0 ? part : part.slice(0, at), direction };
  });
}

const SORT_LIST = z.array(z.object({ column: z.string().min(1).max(1000), direction: z.enum(["asc", "desc"]) }).strict()).max(100);

function parseSortList(text: string): SortKey[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "sort is not valid JSON.");
  }
  const parsed = SORT_LIST.safeParse(json);
  if (!parsed.success) throw new AppError("bad_request", 'sort must be a list of {"column": name, "direction": "asc" or "desc"}.');
  return parsed.data;
}
