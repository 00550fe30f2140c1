import { describe, expect, it } from "vitest";
import type { FederatedType } from "@/lib/catalog/federated";
import { columnType } from "./column-types";
import type { PredicateValue, SimplePredicate } from "./predicates";
import { type Fidelity, fidelity } from "./pushdown";

const str = (value: string): PredicateValue => ({ type: "string", value });
const int = (value: number): PredicateValue => ({ type: "integer", value: BigInt(value) });
const dec = (value: string): PredicateValue => ({ type: "decimal", value });
const dbl = (value: number): PredicateValue => ({ type: "double", value });
const date: PredicateValue = { type: "date", value: "2024-01-01" };
const ts: PredicateValue = { type: "timestamp", value: "2024-01-01 00:00:00" };
const tz: PredicateValue = { type: "timestamptz", value: "2024-01-01 00:00:00+00" };
const TRUE: PredicateValue = { type: "boolean", value: true };

const eq = (value: PredicateValue): SimplePredicate => ({ column: "c", op: "=", value });
const lt = (value: PredicateValue): SimplePredicate => ({ column: "c", op: "<", value });
const ne = (value: PredicateValue): SimplePredicate => ({ column: "c", op: "<>", value });
const inList = (...values: PredicateValue[]): SimplePredicate => ({
  column: "c",
  op: "IN",
  values,
});
const like: SimplePredicate = { column: "c", op: "LIKE", prefix: "ab" };
const isNull: SimplePredicate = { column: "c", op: "IS NULL" };
const notNull: SimplePredicate = { column: "c", op: "IS NOT NULL" };

/** [source, native column type, predicate, fidelity]. */
const CASES: [FederatedType, string, SimplePredicate, Fidelity][] = [
  // PostgreSQL text: byte-order ranges (COLLATE "C"), case-sensitive LIKE.
  ["postgresql", "text", eq(str("a")), "exact"],
  ["postgresql", "character varying(20)", lt(str("a")), "exact"],
  ["postgresql", "text", like, "exact"],
  ["postgresql", "text", inList(str("a"), str("b")), "exact"],
  ["postgresql", "text", eq(int(1)), "none"],
  // character(n): equal ignores trailing blanks there.
  ["postgresql", "character(4)", eq(str("ab")), "superset"],
  ["postgresql", "character(4)", inList(str("ab")), "superset"],
  ["postgresql", "character(4)", lt(str("ab")), "none"],
  ["postgresql", "character(4)", like, "none"],
  // Numbers compare with any numeric literal, as in DuckDB.
  ["postgresql", "integer", lt(int(3)), "exact"],
  ["postgresql", "bigint", eq(dec("2.5")), "exact"],
  ["postgresql", "numeric(12,2)", lt(dbl(1.5)), "exact"],
  ["postgresql", "double precision", ne(dec("0.1")), "exact"],
  ["postgresql", "integer", eq(str("3")), "none"],
  ["postgresql", "integer", like, "none"],
  // real is FLOAT in DuckDB, double precision at the source.
  ["postgresql", "real", eq(dec("0.1")), "none"],
  ["postgresql", "real", lt(int(1)), "none"],
  ["postgresql", "real", isNull, "exact"],
  ["postgresql", "boolean", eq(TRUE), "exact"],
  ["postgresql", "boolean", ne(TRUE), "exact"],
  ["postgresql", "boolean", lt(TRUE), "none"],
  ["postgresql", "date", lt(date), "exact"],
  ["postgresql", "date", lt(ts), "exact"],
  ["postgresql", "date", lt(tz), "none"],
  ["postgresql", "timestamp(6) without time zone", eq(ts), "exact"],
  ["postgresql", "timestamp with time zone", lt(tz), "exact"],
  ["postgresql", "timestamp with time zone", lt(ts), "none"],
  ["postgresql", "uuid", eq(str("0e6b7a48-7b3e-4b8a-9a3c-1d2e3f405060")), "exact"],
  ["postgresql", "uuid", lt(str("0")), "none"],
  ["postgresql", "jsonb", eq(str("{}")), "none"],
  ["postgresql", "shop.mood", eq(str("happy")), "none"],
  ["postgresql", "integer[]", isNull, "exact"],
  ["postgresql", "date", notNull, "exact"],
  // MySQL strings: case-insensitive, pad-space collations keep a superset for = and LIKE.
  ["mysql", "varchar(20)", eq(str("a")), "superset"],
  ["mysql", "text", inList(str("a")), "superset"],
  ["mysql", "varchar(20)", like, "superset"],
  ["mysql", "varchar(20)", ne(str("a")), "none"],
  ["mysql", "varchar(20)", lt(str("a")), "none"],
  ["mysql", "int(11)", lt(int(3)), "exact"],
  ["mysql", "bigint unsigned", eq(dec("2.5")), "exact"],
  ["mysql", "decimal(10,2)", lt(dbl(1.5)), "exact"],
  ["mysql", "decimal(10,2)", lt(dec(`0.${"1".repeat(31)}`)), "none"],
  ["mysql", "double", ne(dec("0.1")), "exact"],
  ["mysql", "float", eq(dec("0.5")), "none"],
  ["mysql", "int", like, "none"],
  // tinyint(1) holds any number; BIT and blobs are not compared at the source.
  ["mysql", "tinyint(1)", eq(TRUE), "none"],
  ["mysql", "tinyint(1)", isNull, "exact"],
  ["mysql", "bit(1)", eq(TRUE), "none"],
  // Zero dates: more rows there, NULL here.
  ["mysql", "date", lt(date), "superset"],
  ["mysql", "datetime(6)", eq(ts), "superset"],
  ["mysql", "date", like, "none"],
  ["mysql", "date", notNull, "superset"],
  ["mysql", "date", isNull, "none"],
  ["mysql", "datetime", isNull, "none"],
  ["mysql", "time", isNull, "none"],
  ["mysql", "time", notNull, "superset"],
  ["mysql", "timestamp(3)", lt(tz), "none"],
  ["mysql", "timestamp", isNull, "none"],
  ["mysql", "uuid", eq(str("0e6b7a48-7b3e-4b8a-9a3c-1d2e3f405060")), "exact"],
  ["mysql", "uuid", lt(str("0")), "none"],
  ["mysql", "enum('a','b')", eq(str("a")), "none"],
  ["mysql", "json", eq(str("{}")), "none"],
];

describe("fidelity", () => {
  const rows = CASES.map(([type, native, predicate, expected]) => ({
    type,
    native,
    predicate,
    expected,
    shown: show(predicate),
  }));
  it.each(rows)("$type $native: $shown → $expected", ({ type, native, predicate, expected }) => {
    expect(fidelity(type, columnType(type, native), predicate)).toBe(expected);
  });

  it("does not push a predicate whose IN list mixes in a literal of another kind", () => {
    expect(
      fidelity("postgresql", columnType("postgresql", "integer"), inList(int(1), str("2"))),
    ).toBe("none");
  });
});

function show(p: SimplePredicate): string {
  const literal = (v: PredicateValue) => `${v.type} ${String(v.value)}`;
  if ("value" in p) return `${p.op} ${literal(p.value)}`;
  if (p.op === "IN") return `IN (${p.values.map(literal).join(", ")})`;
  if (p.op === "LIKE") return `LIKE '${p.prefix}%'`;
  return p.op;
}
