import type { PartitionSpec, Schema } from "../../spec/types";
import { applyTransform, resultType } from "../../transforms";
import {
  compareUuidsSigned,
  compareValues,
  type PrimitiveValue,
  toBinary,
  truncateLowerBound,
  truncateUpperBound,
} from "../../values";
import { and, isIn, isNan, isNull, not, notIn, notNan, notNull, or, predicate } from "../build";
import type { Row } from "../eval-row";
import type { FileMetrics } from "../metrics";
import type { PartitionFieldSummary } from "../partition-eval";
import type { LiteralOp, UnboundExpr } from "../types";
import type { Random } from "./random";

/**
 * Random rows, files, specs and filters over a schema with one column per interesting
 * type, from small value domains so that literals and values often collide. Test support.
 */
export const SCHEMA: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "id", required: false, type: "long" },
    { id: 2, name: "n", required: false, type: "int" },
    { id: 3, name: "s", required: false, type: "string" },
    { id: 4, name: "d", required: false, type: "double" },
    { id: 5, name: "day", required: false, type: "date" },
    { id: 6, name: "ts", required: false, type: "timestamp" },
    { id: 7, name: "dec", required: false, type: "decimal(5,2)" },
    { id: 8, name: "u", required: false, type: "uuid" },
    { id: 9, name: "b", required: false, type: "binary" },
  ],
};
const COLUMNS = SCHEMA.fields.map((f) => ({ id: f.id, name: f.name, type: f.type as string }));

const LETTERS = ["a", "b", "c", "é", "\uffff", "😀"];
const DOUBLES = [-2, -1, -0, 0, 0.5, 1, 2, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
const UUIDS = [
  "00000000-0000-0000-0000-000000000000",
  "7fffffff-ffff-ffff-ffff-ffffffffffff",
  "80000000-0000-0000-0000-000000000000",
  "c0000000-0000-0000-0000-000000000001",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
];
const BYTES = [0x00, 0x01, 0x7f, 0x80, 0xff];
const HALF_HOUR = 1_800_000_000n;

/** A non-null, non-NaN value of the column type. */
export function randomValue(r: Random, type: string): PrimitiveValue {
  switch (type) {
    case "long":
      return BigInt(r.int(-5, 5));
    case "int":
      return r.int(-25, 25);
    case "string":
      return Array.from({ length: r.int(0, 4) }, () => r.pick(LETTERS)).join("");
    case "double":
      return r.pick(DOUBLES);
    case "date":
      return r.int(-40, 40);
    case "timestamp":
      return BigInt(r.int(-200, 200)) * HALF_HOUR + BigInt(r.int(-1, 1));
    case "decimal(5,2)":
      return BigInt(r.int(-300, 300));
    case "uuid":
      return r.pick(UUIDS);
    default:
      return Uint8Array.from({ length: r.int(0, 3) }, () => r.pick(BYTES));
  }
}

export function randomRow(r: Random): Row {
  const row = new Map<number, PrimitiveValue | null>();
  for (const c of COLUMNS) {
    if (r.chance(0.2)) row.set(c.id, null);
    else if (c.type === "double" && r.chance(0.15)) row.set(c.id, Number.NaN);
    else row.set(c.id, randomValue(r, c.type));
  }
  return row;
}

const ORDER_OPS: LiteralOp[] = ["eq", "notEq", "lt", "ltEq", "gt", "gtEq"];

function randomPredicate(r: Random): UnboundExpr {
  const c = r.pick(COLUMNS);
  const choice = r.int(0, 9);
  if (choice === 0) return r.pick([isNull, notNull])(c.name);
  if (choice === 1 && c.type === "double") return r.pick([isNan, notNan])(c.name);
  if (choice === 2) {
    const values = Array.from({ length: r.int(1, 3) }, () => randomValue(r, c.type));
    return r.pick([isIn, notIn])(c.name, values);
  }
  if (choice === 3 && c.type === "string") {
    return predicate(
      r.pick(["startsWith", "notStartsWith"] as const),
      c.name,
      randomValue(r, c.type),
    );
  }
  return predicate(r.pick(ORDER_OPS), c.name, randomValue(r, c.type));
}

export function randomFilter(r: Random, depth = 3): UnboundExpr {
  if (depth === 0 || r.chance(0.35)) return randomPredicate(r);
  const kind = r.int(0, 2);
  if (kind === 0) return not(randomFilter(r, depth - 1));
  const children = Array.from({ length: r.int(2, 3) }, () => randomFilter(r, depth - 1));
  return kind === 1 ? and(...children) : or(...children);
}

const TRANSFORMS: [column: string, transform: string][] = [
  ["id", "identity"],
  ["id", "bucket[3]"],
  ["n", "truncate[10]"],
  ["n", "bucket[2]"],
  ["s", "truncate[2]"],
  ["s", "identity"],
  ["d", "identity"],
  ["day", "month"],
  ["day", "year"],
  ["ts", "day"],
  ["ts", "hour"],
  ["ts", "year"],
  ["dec", "truncate[50]"],
  ["u", "bucket[2]"],
  ["u", "identity"],
  ["b", "truncate[1]"],
  ["b", "identity"],
  ["s", "void"],
];

export function randomSpec(r: Random): PartitionSpec {
  const chosen = r.subset(TRANSFORMS, 1, 3);
  return {
    specId: 0,
    fields: chosen.map(([column, transform], i) => ({
      sourceId: COLUMNS.find((c) => c.name === column)?.id ?? 0,
      fieldId: 1000 + i,
      name: `p${i}`,
      transform,
    })),
  };
}

function sourceTypeOf(fieldId: number): string {
  return COLUMNS.find((c) => c.id === fieldId)?.type as string;
}

export function partitionValues(spec: PartitionSpec, row: Row): (PrimitiveValue | null)[] {
  return spec.fields.map((field) =>
    applyTransform(field.transform, sourceTypeOf(field.sourceId), row.get(field.sourceId) ?? null),
  );
}

/**
 * Column metrics as a writer would record them: counts of values, nulls and NaNs, bounds
 * over ordinary values, strings and binary truncated to 2. Some statistics are randomly
 * left out, and uuid bounds are sometimes ordered like an old (signed) Java writer.
 */
export function metricsOf(r: Random, rows: Row[]): FileMetrics {
  const counts = (pick: (v: PrimitiveValue | null) => boolean) =>
    new Map(COLUMNS.map((c) => [c.id, rows.filter((row) => pick(row.get(c.id) ?? null)).length]));
  const lower = new Map<number, Uint8Array>();
  const upper = new Map<number, Uint8Array>();
  for (const c of COLUMNS) {
    const ordinary = rows.map((row) => row.get(c.id) ?? null).filter(isOrdinary);
    if (ordinary.length === 0 || r.chance(0.1)) continue;
    const signed = c.type === "uuid" && r.chance(0.5);
    const sorted = ordinary.sort((a, b) =>
      signed ? compareUuidsSigned(a as string, b as string) : compareValues(c.type, a, b),
    );
    const [min, max] = truncatedBounds(c.type, sorted[0], sorted[sorted.length - 1]);
    lower.set(c.id, toBinary(c.type, min));
    if (max !== null) upper.set(c.id, toBinary(c.type, max));
  }
  return {
    recordCount: rows.length,
    valueCounts: r.chance(0.9) ? counts(() => true) : undefined,
    nullValueCounts: r.chance(0.9) ? counts((v) => v === null) : undefined,
    nanValueCounts: r.chance(0.9)
      ? counts((v) => typeof v === "number" && Number.isNaN(v))
      : undefined,
    lowerBounds: lower,
    upperBounds: upper,
  };
}

function truncatedBounds(type: string, min: PrimitiveValue, max: PrimitiveValue) {
  if (type !== "string" && type !== "binary") return [min, max] as const;
  const t = min as string | Uint8Array;
  return [
    truncateLowerBound(type, t, 2),
    truncateUpperBound(type, max as string | Uint8Array, 2),
  ] as const;
}

function isOrdinary(v: PrimitiveValue | null): v is PrimitiveValue {
  return v !== null && !(typeof v === "number" && Number.isNaN(v));
}

/** Manifest-list summaries of a set of partition tuples, as a writer computes them. */
export function summariesOf(
  spec: PartitionSpec,
  tuples: (PrimitiveValue | null)[][],
): PartitionFieldSummary[] {
  return spec.fields.map((field, i) => {
    const type = resultType(field.transform, sourceTypeOf(field.sourceId));
    const values = tuples.map((t) => t[i]);
    const ordinary = values.filter(isOrdinary).sort((a, b) => compareValues(type, a, b));
    return {
      containsNull: values.some((v) => v === null),
      containsNan: values.some((v) => typeof v === "number" && Number.isNaN(v)),
      lowerBound: ordinary.length ? toBinary(type, ordinary[0]) : undefined,
      upperBound: ordinary.length ? toBinary(type, ordinary[ordinary.length - 1]) : undefined,
    };
  });
}
