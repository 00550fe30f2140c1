/**
 * The SQL (and UDF) partition transforms agree with `lib/iceberg/transforms` on random
 * and edge values of every source type each transform accepts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyTransform, canTransform, resultType } from "../../transforms";
import type { PrimitiveValue } from "../../values";
import { fromDuckValue } from "../duck/values";
import { sqlLiteral } from "../sql/literal";
import { type Engine, openEngine } from "../testing/duckdb";
import { edgeValues, randomValue, Seeded } from "../testing/random-values";
import { transformSql } from "./transform-sql";
import { registerTransformUdfs } from "./udf";

const SOURCE_TYPES = [
  "int",
  "long",
  "decimal(9, 2)",
  "decimal(38, 10)",
  "date",
  "time",
  "timestamp",
  "timestamptz",
  "timestamp_ns",
  "string",
  "uuid",
  "fixed[5]",
  "binary",
];
const TRANSFORMS = [
  "identity",
  "bucket[16]",
  "bucket[1000]",
  "truncate[1]",
  "truncate[10]",
  "year",
  "month",
  "day",
  "hour",
  "void",
];

let engine: Engine;
beforeAll(async () => {
  engine = await openEngine();
  registerTransformUdfs(engine.connection);
});
afterAll(() => engine.close());

function valuesFor(type: string): PrimitiveValue[] {
  const r = new Seeded(type.length * 7919);
  return [...edgeValues(type), ...Array.from({ length: 400 }, () => randomValue(type, r))];
}

async function viaSql(transform: string, type: string, values: PrimitiveValue[]) {
  const rows = values.map((v, i) => `(${i}, ${sqlLiteral(type, v)})`).join(", ");
  const sql = `SELECT i, ${transformSql(transform, type, "v")} FROM (VALUES ${rows}) AS t(i, v) ORDER BY i`;
  const reader = await engine.connection.runAndReadAll(sql);
  const out = resultType(transform, type);
  return reader.getRows().map(([, value]) => fromDuckValue(out, value));
}

describe("partition transforms in DuckDB match lib/iceberg/transforms", () => {
  for (const type of SOURCE_TYPES) {
    for (const transform of TRANSFORMS.filter((t) => canTransform(t, type))) {
      it(`${transform} of ${type}`, async () => {
        const values = valuesFor(type);
        const got = await viaSql(transform, type, values);
        const expected = values.map((v) => applyTransform(transform, type, v));
        const mismatches = values
          .map((v, i) => ({ v, got: got[i], expected: expected[i] }))
          .filter((m) => !sameValue(m.got, m.expected));
        expect(mismatches.slice(0, 5)).toEqual([]);
      });
    }
  }

  it("NULL stays NULL", async () => {
    const cases = [
      ["bucket[16]", "long", "BIGINT"],
      ["bucket[16]", "string", "VARCHAR"],
      ["truncate[4]", "long", "BIGINT"],
      ["day", "timestamp", "TIMESTAMP"],
    ];
    for (const [transform, type, duckType] of cases) {
      const sql = `SELECT ${transformSql(transform, type, "v")} FROM (VALUES (CAST(NULL AS ${duckType}))) AS t(v)`;
      const reader = await engine.connection.runAndReadAll(sql);
      expect(reader.getRows()[0][0]).toBeNull();
    }
  });
});

function sameValue(a: PrimitiveValue | null, b: PrimitiveValue | null): boolean {
  if (a instanceof Uint8Array && b instanceof Uint8Array)
    return Buffer.from(a).equals(Buffer.from(b));
  return a === b;
}
