/**
 * Column metrics computed the slow, obvious way — walk every row of a written file in JS
 * — to check the writer's footer-and-aggregate metrics against. Counts follow Parquet's
 * definition (a null or empty list is one null value); bounds use values/ ordering and
 * truncation, and the writer's zero rule (a float zero bound widens to -0.0 below,
 * +0.0 above). Test support only.
 */
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import { DuckDBListValue, DuckDBMapValue, DuckDBStructValue } from "@duckdb/node-api";
import { allFields, indexFieldsById, type SchemaField } from "../../spec";
import type { StructType } from "../../spec/types";
import {
  compareValues,
  isFloatingKind,
  type PrimitiveValue,
  parsePrimitive,
  toBinary,
  truncateLowerBound,
  truncateUpperBound,
} from "../../values";
import { fromDuckValue } from "../duck/values";
import { quoteString } from "../../duckdb/quote";

export interface BruteMetrics {
  valueCounts: Map<number, number>;
  nullValueCounts: Map<number, number>;
  nanValueCounts: Map<number, number>;
  lowerBounds: Map<number, Uint8Array>;
  upperBounds: Map<number, Uint8Array>;
}

export async function bruteMetrics(
  connection: DuckDBConnection,
  localPath: string,
  schema: StructType,
  truncateTo = 16,
): Promise<BruteMetrics> {
  const reader = await connection.runAndReadAll(
    `SELECT * FROM read_parquet(${quoteString(localPath)}, hive_partitioning = false)`,
  );
  const rows = reader.getRowObjects();
  const out: BruteMetrics = {
    valueCounts: new Map(),
    nullValueCounts: new Map(),
    nanValueCounts: new Map(),
    lowerBounds: new Map(),
    upperBounds: new Map(),
  };
  const byId = indexFieldsById(schema);
  for (const leaf of allFields(schema).filter((f) => typeof f.type === "string")) {
    const chain = ancestry(leaf, byId);
    const slots = rows.flatMap((row) => slotsOf(row[chain[0].name], chain.slice(1)));
    const type = leaf.type as string;
    const values = slots.map((v) => (v === null ? null : fromDuckValue(type, v)));
    out.valueCounts.set(leaf.id, values.length);
    out.nullValueCounts.set(leaf.id, values.filter((v) => v === null).length);
    if (chain.some((f) => !f.field && f !== leaf) || !leaf.field) continue; // no bounds in lists/maps
    addBounds(out, leaf.id, type, values, truncateTo);
  }
  return out;
}

/** The fields from the top-level column down to `leaf`. */
function ancestry(leaf: SchemaField, byId: ReadonlyMap<number, SchemaField>): SchemaField[] {
  const chain = [leaf];
  while (chain[0].parentId !== undefined) chain.unshift(byId.get(chain[0].parentId)!);
  return chain;
}

/** The leaf values a value holds, one slot per Parquet value (null/empty list: one null). */
function slotsOf(value: DuckDBValue, rest: SchemaField[]): DuckDBValue[] {
  if (rest.length === 0) return [value];
  const [next, ...tail] = rest;
  if (value === null) return [null];
  if (value instanceof DuckDBStructValue) return slotsOf(value.entries[next.name] ?? null, tail);
  if (value instanceof DuckDBListValue) {
    if (value.items.length === 0) return [null];
    return value.items.flatMap((item) => slotsOf(item, tail));
  }
  if (value instanceof DuckDBMapValue) {
    if (value.entries.length === 0) return [null];
    return value.entries.flatMap((e) => slotsOf(next.name === "key" ? e.key : e.value, tail));
  }
  throw new Error(`cannot walk into ${String(value)}`);
}

function addBounds(
  out: BruteMetrics,
  id: number,
  type: string,
  values: (PrimitiveValue | null)[],
  width: number,
) {
  const kind = parsePrimitive(type).kind;
  const floating = isFloatingKind(kind);
  if (floating) out.nanValueCounts.set(id, values.filter((v) => Number.isNaN(v)).length);
  const ordinary = values.filter(
    (v): v is PrimitiveValue => v !== null && !(floating && Number.isNaN(v)),
  );
  if (ordinary.length === 0) return;
  const sorted = [...ordinary].sort((a, b) => compareValues(type, a, b));
  let lower = sorted[0];
  let upper: PrimitiveValue | null = sorted[sorted.length - 1];
  if (floating && lower === 0) lower = -0;
  if (floating && upper === 0) upper = 0;
  if (kind === "string" || kind === "binary") {
    lower = truncateLowerBound(type, lower as string, width);
    upper = truncateUpperBound(type, upper as string, width);
  }
  if (
    kind === "fixed" &&
    parsePrimitive(type).kind === "fixed" &&
    (lower as Uint8Array).length > width
  )
    return;
  out.lowerBounds.set(id, toBinary(type, lower));
  if (upper !== null) out.upperBounds.set(id, toBinary(type, upper));
}
