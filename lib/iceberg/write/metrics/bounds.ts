/**
 * Lower and upper bounds of the columns reachable through structs (never inside a list
 * or map: per-row min/max of repeated values is not what Iceberg bounds mean to every
 * reader), computed by aggregates over the written file and encoded as Iceberg's binary
 * single values.
 *
 * Bounds are never wrong: NaN is left out of float bounds (and counted instead), a zero
 * bound of either sign widens to -0.0 below and +0.0 above (engines disagree on whether
 * -0.0 < 0.0), strings and binary are cut to N code points/bytes with the upper bound
 * rounded up, and a fixed[L] column longer than N keeps no bounds at all.
 */
import type { DuckDBValue } from "@duckdb/node-api";
import {
  fromUtf8,
  isFloatingKind,
  type PrimitiveValue,
  parsePrimitive,
  toBinary,
  truncateLowerBound,
  truncateUpperBound,
} from "../../values";
import { fromDuckValue } from "../duck/values";
import type { LeafColumn } from "../sql/columns";
import { quotePath } from "../../duckdb/quote";
import type { Aggregate } from "./aggregate";
import type { MetricsMode } from "./config";

export interface BoundColumn {
  leaf: LeafColumn;
  mode: MetricsMode;
}

const lowerAlias = (id: number) => `lower_${id}`;
const upperAlias = (id: number) => `upper_${id}`;
const nanAlias = (id: number) => `nan_${id}`;

function columnRef(leaf: LeafColumn): string {
  return `t.${quotePath(leaf.structPath ?? [])}`;
}

/** The aggregates to ask for: bounds where the mode keeps them, NaN counts of floats. */
export function boundAggregates(columns: readonly BoundColumn[]): Aggregate[] {
  const out: Aggregate[] = [];
  for (const { leaf, mode } of columns) {
    if (!leaf.structPath || mode.kind === "none") continue;
    const col = columnRef(leaf);
    const floating = isFloatingKind(parsePrimitive(leaf.type).kind);
    if (floating) out.push({ alias: nanAlias(leaf.id), sql: `count_if(isnan(${col}))` });
    if (mode.kind === "counts") continue;
    const source = boundSource(leaf, mode, col);
    if (!source) continue;
    const where = floating ? ` FILTER (WHERE NOT isnan(${col}))` : "";
    out.push({ alias: lowerAlias(leaf.id), sql: `min(${source.lower})${where}` });
    out.push({ alias: upperAlias(leaf.id), sql: `max(${source.upper})${where}` });
  }
  return out;
}

/**
 * What to take the min and max of. Truncated strings and bytes: a prefix is monotone, so
 * min(prefix(x)) = prefix(min(x)); the upper side keeps one more code point/byte so
 * rounding up knows whether anything was cut.
 */
function boundSource(
  leaf: LeafColumn,
  mode: MetricsMode,
  col: string,
): { lower: string; upper: string } | undefined {
  const p = parsePrimitive(leaf.type);
  const width = mode.kind === "truncate" ? mode.length : undefined;
  if (p.kind === "string") {
    // encode(): UTF-8 bytes, compared bytewise — code point order, whatever the collation
    if (width === undefined) return { lower: `encode(${col})`, upper: `encode(${col})` };
    return { lower: `encode(left(${col}, ${width}))`, upper: `encode(left(${col}, ${width + 1}))` };
  }
  if (p.kind === "binary" && width !== undefined) {
    return {
      lower: `unhex(left(hex(${col}), ${2 * width}))`,
      upper: `unhex(left(hex(${col}), ${2 * (width + 1)}))`,
    };
  }
  if (p.kind === "fixed" && width !== undefined && p.length > width) return undefined;
  return { lower: col, upper: col };
}

export interface ColumnBounds {
  lowerBounds: Map<number, Uint8Array>;
  upperBounds: Map<number, Uint8Array>;
  nanValueCounts: Map<number, number>;
}

/** Reads one file's aggregate row back into binary bounds and NaN counts. */
export function decodeBounds(
  columns: readonly BoundColumn[],
  row: Record<string, DuckDBValue>,
): ColumnBounds {
  const out: ColumnBounds = {
    lowerBounds: new Map(),
    upperBounds: new Map(),
    nanValueCounts: new Map(),
  };
  for (const { leaf, mode } of columns) {
    const nan = row[nanAlias(leaf.id)];
    if (nan !== undefined && nan !== null) out.nanValueCounts.set(leaf.id, Number(nan));
    const lower = decodeBound(leaf, mode, row[lowerAlias(leaf.id)], "lower");
    const upper = decodeBound(leaf, mode, row[upperAlias(leaf.id)], "upper");
    if (lower !== null) out.lowerBounds.set(leaf.id, toBinary(leaf.type, lower));
    if (upper !== null) out.upperBounds.set(leaf.id, toBinary(leaf.type, upper));
  }
  return out;
}

function decodeBound(
  leaf: LeafColumn,
  mode: MetricsMode,
  raw: DuckDBValue | undefined,
  side: "lower" | "upper",
): PrimitiveValue | null {
  if (raw === undefined || raw === null) return null;
  const kind = parsePrimitive(leaf.type).kind;
  if (kind === "string") {
    const text = fromUtf8(fromDuckValue("binary", raw) as Uint8Array);
    return truncated("string", text, mode, side);
  }
  const value = fromDuckValue(leaf.type, raw);
  if (value === null) return null;
  if (kind === "binary") return truncated("binary", value as Uint8Array, mode, side);
  if (isFloatingKind(kind) && value === 0) return side === "lower" ? -0 : 0;
  return value;
}

function truncated<T extends string | Uint8Array>(
  type: string,
  value: T,
  mode: MetricsMode,
  side: "lower" | "upper",
): T | null {
  if (mode.kind !== "truncate") return value;
  if (side === "lower") return truncateLowerBound(type, value, mode.length);
  return truncateUpperBound(type, value, mode.length);
}
