import { describe, expect, it } from "vitest";
import { duckFilter } from "./duck-filter";
import type { PredicateValue, SimplePredicate } from "./predicates";
import { likePattern, type SourceParam, sourceStatement } from "./source-sql";

const int = (value: bigint | number): PredicateValue => ({ type: "integer", value: BigInt(value) });
const dec = (value: string): PredicateValue => ({ type: "decimal", value });
const lit = {
  string: { type: "string", value: "o'k" },
  double: { type: "double", value: 1.5 },
  boolean: { type: "boolean", value: false },
  date: { type: "date", value: "2024-01-01" },
  timestamp: { type: "timestamp", value: "2024-01-01 10:00:00.5" },
  timestamptz: { type: "timestamptz", value: "2024-01-01 10:00:00+01" },
} satisfies Record<string, PredicateValue>;

/** [predicate, PostgreSQL WHERE, its params, MySQL WHERE, its params, DuckDB re-check, its params]. */
const CASES: [
  string,
  SimplePredicate,
  string,
  SourceParam[],
  string,
  SourceParam[],
  string,
  unknown[],
][] = [
  [
    "integer",
    { column: "c", op: "=", value: int(3) },
    `"c" = $1::int8`,
    ["3"],
    "`c` = CAST(? AS DECIMAL(65, 0))",
    ["3"],
    `"c" = CAST($1 AS BIGINT)`,
    [3n],
  ],
  [
    "integer past int64",
    { column: "c", op: "<", value: int(2n ** 64n) },
    `"c" < $1::numeric`,
    ["18446744073709551616"],
    "`c` < CAST(? AS DECIMAL(65, 0))",
    ["18446744073709551616"],
    `"c" < CAST($1 AS HUGEINT)`,
    ["18446744073709551616"],
  ],
  [
    "decimal",
    { column: "c", op: ">=", value: dec("-12.500") },
    `"c" >= $1::numeric`,
    ["-12.500"],
    "`c` >= CAST(? AS DECIMAL(65, 3))",
    ["-12.500"],
    `"c" >= CAST($1 AS DECIMAL(5, 3))`,
    ["-12.500"],
  ],
  [
    "a wide decimal",
    { column: "c", op: ">", value: dec(`1${"0".repeat(40)}.5`) },
    `"c" > $1::numeric`,
    [`1${"0".repeat(40)}.5`],
    "`c` > CAST(? AS DECIMAL(65, 1))",
    [`1${"0".repeat(40)}.5`],
    `"c" > CAST($1 AS DOUBLE)`,
    [`1${"0".repeat(40)}.5`],
  ],
  [
    "double",
    { column: "c", op: "<>", value: lit.double },
    `"c" <> $1::float8`,
    ["1.5"],
    "`c` <> ?",
    [1.5],
    `"c" <> CAST($1 AS DOUBLE)`,
    [1.5],
  ],
  [
    "string",
    { column: "c", op: "=", value: lit.string },
    `"c" = $1`,
    ["o'k"],
    "`c` = ?",
    ["o'k"],
    `"c" = CAST($1 AS VARCHAR)`,
    ["o'k"],
  ],
  [
    "string range",
    { column: "c", op: "<", value: lit.string },
    `"c" COLLATE "C" < $1`,
    ["o'k"],
    "`c` < ?",
    ["o'k"],
    `"c" < CAST($1 AS VARCHAR)`,
    ["o'k"],
  ],
  [
    "boolean",
    { column: "c", op: "=", value: lit.boolean },
    `"c" = $1::boolean`,
    ["false"],
    "`c` = ?",
    ["false"],
    `"c" = CAST($1 AS BOOLEAN)`,
    [false],
  ],
  [
    "date",
    { column: "c", op: "<=", value: lit.date },
    `"c" <= $1::date`,
    ["2024-01-01"],
    "`c` <= CAST(? AS DATE)",
    ["2024-01-01"],
    `"c" <= CAST($1 AS DATE)`,
    ["2024-01-01"],
  ],
  [
    "timestamp",
    { column: "c", op: ">", value: lit.timestamp },
    `"c" > $1::timestamp`,
    ["2024-01-01 10:00:00.5"],
    "`c` > CAST(? AS DATETIME(6))",
    ["2024-01-01 10:00:00.5"],
    `"c" > CAST($1 AS TIMESTAMP)`,
    ["2024-01-01 10:00:00.5"],
  ],
  [
    "timestamptz",
    { column: "c", op: ">", value: lit.timestamptz },
    `"c" > $1::timestamptz`,
    ["2024-01-01 10:00:00+01"],
    "`c` > ?",
    ["2024-01-01 10:00:00+01"],
    `"c" > CAST($1 AS TIMESTAMPTZ)`,
    ["2024-01-01 10:00:00+01"],
  ],
  [
    "IS NULL",
    { column: "c", op: "IS NULL" },
    `"c" IS NULL`,
    [],
    "`c` IS NULL",
    [],
    `"c" IS NULL`,
    [],
  ],
  [
    "IS NOT NULL",
    { column: "c", op: "IS NOT NULL" },
    `"c" IS NOT NULL`,
    [],
    "`c` IS NOT NULL",
    [],
    `"c" IS NOT NULL`,
    [],
  ],
  [
    "IN",
    { column: "c", op: "IN", values: [int(1), int(2)] },
    `"c" IN ($1::int8, $2::int8)`,
    ["1", "2"],
    "`c` IN (CAST(? AS DECIMAL(65, 0)), CAST(? AS DECIMAL(65, 0)))",
    ["1", "2"],
    `"c" IN (CAST($1 AS BIGINT), CAST($2 AS BIGINT))`,
    [1n, 2n],
  ],
  ["IN nothing", { column: "c", op: "IN", values: [] }, "1 = 0", [], "1 = 0", [], "false", []],
  [
    "LIKE",
    { column: "c", op: "LIKE", prefix: "a_%!" },
    `"c" COLLATE "C" LIKE $1 ESCAPE '!'`,
    ["a!_!%!!%"],
    "`c` LIKE ? ESCAPE '!'",
    ["a!_!%!!%"],
    `starts_with(CAST("c" AS VARCHAR), $1)`,
    ["a_%!"],
  ],
  [
    "a quoted name",
    { column: 'we"ird`', op: "IS NULL" },
    `"we""ird\`" IS NULL`,
    [],
    '`we"ird``` IS NULL',
    [],
    `"we""ird\`" IS NULL`,
    [],
  ],
];

describe("the statement sent to the source and the re-check in DuckDB", () => {
  it.each(CASES)(
    "%s",
    (_, predicate, pgWhere, pgParams, myWhere, myParams, duckWhere, duckParams) => {
      const select = {
        schema: "s",
        table: "t",
        columns: ["a"],
        predicates: [predicate],
        limit: 10,
      };
      const pg = sourceStatement("postgresql", select);
      expect(pg.sql).toBe(`SELECT "a" FROM "s"."t" WHERE ${pgWhere} LIMIT $${pgParams.length + 1}`);
      expect(pg.params).toEqual([...pgParams, "10"]);
      const my = sourceStatement("mysql", select);
      expect(my.sql).toBe(`SELECT \`a\` FROM \`s\`.\`t\` WHERE ${myWhere} LIMIT ?`);
      expect(my.params).toEqual([...myParams, 10]);
      expect(duckFilter([predicate])).toEqual({ where: `WHERE ${duckWhere}`, params: duckParams });
    },
  );

  it("joins predicates with AND and numbers parameters in order", () => {
    const predicates: SimplePredicate[] = [
      { column: "a", op: "=", value: int(1) },
      { column: "b", op: "IS NULL" },
      { column: "c", op: "LIKE", prefix: "x" },
    ];
    const pg = sourceStatement("postgresql", {
      schema: "s",
      table: "t",
      columns: [],
      predicates,
      limit: 5,
    });
    expect(pg).toEqual({
      sql: `SELECT 1 FROM "s"."t" WHERE "a" = $1::int8 AND "b" IS NULL AND "c" COLLATE "C" LIKE $2 ESCAPE '!' LIMIT $3`,
      params: ["1", "x%", "5"],
    });
    expect(duckFilter(predicates).where).toBe(
      `WHERE "a" = CAST($1 AS BIGINT) AND "b" IS NULL AND starts_with(CAST("c" AS VARCHAR), $2)`,
    );
    expect(duckFilter([])).toEqual({ where: "", params: [] });
  });

  it("refuses a name holding a NUL character", () => {
    const select = { schema: "s", table: "t\u0000", columns: [], predicates: [], limit: 1 };
    expect(() => sourceStatement("postgresql", select)).toThrow("NUL");
  });

  it.each([
    ["abc", "abc%"],
    ["50%", "50!%%"],
    ["a_b", "a!_b%"],
    ["x!", "x!!%"],
    ["back\\slash", "back\\slash%"],
    ["", "%"],
  ])("LIKE prefix %j → pattern %j", (prefix, pattern) => {
    expect(likePattern(prefix)).toBe(pattern);
  });
});
