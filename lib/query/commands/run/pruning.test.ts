import { describe, expect, it } from "vitest";
import type { Schema } from "@/lib/iceberg/spec";
import { pruningOf } from "./pruning";

const schema: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "id", type: "long", required: false },
    { id: 2, name: "region", type: "string", required: false },
    { id: 3, name: "ok", type: "boolean", required: false },
    { id: 4, name: "price", type: "double", required: false },
    { id: 5, name: "Mixed Case", type: "int", required: false },
  ],
};

const span = (sql: string) => ({ sql, start: 0, end: sql.length });
const render = (where: string, params = {}) => {
  const p = pruningOf(span(where), schema, ["o"], params);
  return p && { sql: p.sql, filter: JSON.stringify(p.filter, (_, v) => (typeof v === "bigint" ? `${v}n` : v)) };
};

/** WHERE → the conjuncts kept (as SQL), or undefined when none can prune. */
const CASES: [string, string | undefined][] = [
  ["id = 5", "(id = 5)"],
  ["o.id >= 10 AND o.id < 20", "(o.id >= 10) AND (o.id < 20)"],
  ["10 < id", "(10 < id)"],
  ["id = -3", "(id = -3)"],
  ["region = 'EU' AND price > 3", "(region = 'EU')"],
  ["region IN ('EU', 'US') AND ok = TRUE", "(region IN ('EU', 'US')) AND (ok = TRUE)"],
  ["id IS NULL", "(id IS NULL)"],
  ["region IS NOT NULL AND id = :id", "(region IS NOT NULL) AND (id = :id)"],
  ['"Mixed Case" = 4', '("Mixed Case" = 4)'],
  ["(id = 5)", undefined],
  ["id = 5 OR id = 6", undefined],
  ["id BETWEEN 1 AND 5", undefined],
  ["id <> 5", undefined],
  ["region > 'M'", undefined],
  ["price = 1", undefined],
  ["id = '5'", undefined],
  ["id = 5 + 1", undefined],
  ["x.id = 5", undefined],
  ["nope = 5", undefined],
  ["id IN (SELECT id FROM other)", undefined],
  ["id = :missing", undefined],
  ["CASE WHEN id = 1 AND ok THEN TRUE END", undefined],
  ["NOT ok AND id = 2", "(id = 2)"],
];

describe("pruningOf", () => {
  it.each(CASES)("%s", (where, sql) => {
    expect(render(where, { id: 7 })?.sql).toBe(sql);
  });

  it("builds the Iceberg filter with values of the column types, parameters included", () => {
    expect(render("o.id >= 10 AND region IN ('EU') AND id = :id", { id: 7 })?.filter).toBe(
      JSON.stringify({
        kind: "and",
        children: [
          { kind: "predicate", op: "gtEq", ref: "id", value: "10n" },
          { kind: "predicate", op: "in", ref: "region", values: ["EU"] },
          { kind: "predicate", op: "eq", ref: "id", value: "7n" },
        ],
      }),
    );
  });
});
