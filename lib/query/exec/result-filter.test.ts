import { describe, expect, it } from "vitest";
import { orderBy, parseSort, whereOf } from "./result-filter";

const columns = [
  { name: "id", type: "BIGINT" },
  { name: "na\"me", type: "VARCHAR" },
  { name: "day", type: "DATE" },
];

describe("the grid's sort and filter as SQL", () => {
  it.each([
    [{ id: { filterType: "number", type: "greaterThan", filter: 5 } }, ' WHERE TRY_CAST("id" AS DOUBLE) > CAST($1 AS DOUBLE)', [5]],
    [{ id: { filterType: "number", type: "inRange", filter: 1, filterTo: "9" } }, ' WHERE (TRY_CAST("id" AS DOUBLE) >= CAST($1 AS DOUBLE) AND TRY_CAST("id" AS DOUBLE) <= CAST($2 AS DOUBLE))', [1, 9]],
    [{ 'na"me': { filterType: "text", type: "contains", filter: "O'Neil" } }, ' WHERE contains(lower(CAST("na""me" AS VARCHAR)), lower($1))', ["O'Neil"]],
    [{ 'na"me': { type: "blank" } }, ' WHERE ("na""me" IS NULL OR CAST("na""me" AS VARCHAR) = \'\')', []],
    [{ day: { filterType: "date", type: "equals", dateFrom: "2024-01-01 00:00:00" } }, ' WHERE TRY_CAST("day" AS DATE) = CAST($1 AS DATE)', ["2024-01-01 00:00:00"]],
    [
      { id: { filterType: "number", operator: "OR", conditions: [{ type: "lessThan", filter: 2 }, { type: "equals", filter: 7 }] }, 'na"me': { filterType: "text", type: "startsWith", filter: "a" } },
      ' WHERE (TRY_CAST("id" AS DOUBLE) < CAST($1 AS DOUBLE) OR TRY_CAST("id" AS DOUBLE) = CAST($2 AS DOUBLE)) AND starts_with(lower(CAST("na""me" AS VARCHAR)), lower($3))',
      [2, 7, "a"],
    ],
  ] as const)("%j", (filter, sql, params) => {
    expect(whereOf(filter as never, columns)).toEqual({ sql, params });
  });

  it("refuses unknown columns, operators and values", () => {
    expect(() => whereOf({ nope: { type: "equals", filter: "x" } }, columns)).toThrow('The result has no column "nope".');
    expect(() => whereOf({ id: { filterType: "number", type: "regex", filter: 1 } }, columns)).toThrow("This filter (regex) is not supported here.");
    expect(() => whereOf({ id: { filterType: "number", type: "equals", filter: "1; DROP" } }, columns)).toThrow("The filter on id needs a number.");
    expect(() => orderBy([{ column: "x", direction: "asc" }], columns)).toThrow('The result has no column "x".');
  });

  it("orders by checked, quoted columns; parses the URL's sort", () => {
    expect(orderBy(parseSort('id:desc,na"me'), columns)).toBe(' ORDER BY "id" DESC NULLS LAST, "na""me" ASC NULLS LAST');
    expect(() => parseSort("id:sideways")).toThrow("the direction is asc or desc");
  });

  it("parses the grid's JSON sort, whose column names may hold commas and colons", () => {
    expect(parseSort('[{"column":"a, b:c","direction":"desc"},{"column":"id","direction":"asc"}]')).toEqual([
      { column: "a, b:c", direction: "desc" },
      { column: "id", direction: "asc" },
    ]);
    expect(() => parseSort("[{")).toThrow("sort is not valid JSON");
    expect(() => parseSort('[{"column":"id","direction":"up"}]')).toThrow("a list of");
  });
});
