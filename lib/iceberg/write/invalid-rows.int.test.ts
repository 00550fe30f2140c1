/**
 * Rows the schema forbids fail the write with a message naming the column, and leave
 * nothing behind: no data file in the table folder, no commit to make.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareAppend, WriteError } from "./index";
import { type Engine, openEngine, tempFolder } from "./testing/duckdb";
import { TestTable } from "./testing/harness";
import { WIDE_SCHEMA, wideRowsSql } from "./testing/wide-table";

let engine: Engine;
const folders: { remove(): void }[] = [];
beforeAll(async () => {
  engine = await openEngine();
  await engine.connection.run(`CREATE TEMP TABLE src AS ${wideRowsSql(50)}`);
});
afterAll(() => {
  engine.close();
  for (const f of folders) f.remove();
});

function table(partitioned: boolean): { table: TestTable; dir: string } {
  const tmp = tempFolder();
  folders.push(tmp);
  const partitionFields = partitioned ? [{ sourceId: 5, name: "day", transform: "identity" }] : [];
  return {
    table: new TestTable(engine.connection, {
      folder: tmp.dir,
      schema: WIDE_SCHEMA,
      partitionFields,
    }),
    dir: tmp.dir,
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

const CASES: [string, string, RegExp][] = [
  [
    "a NULL in a required top-level column",
    "SELECT * REPLACE (CASE WHEN id = 30 THEN NULL ELSE id END AS id) FROM src",
    /Column "id" is required, but 1 row would hold NULL/,
  ],
  [
    "a NULL in a required field of a present struct",
    "SELECT * REPLACE (CASE WHEN id = 31 THEN {'a': NULL, 'b': 'x'} ELSE s END AS s) FROM src",
    /Column "s\.a" is required/,
  ],
  [
    "a fixed[4] value of another length",
    "SELECT * REPLACE (CASE WHEN id = 32 THEN unhex('0102') ELSE fx END AS fx) FROM src",
    /Column "fx" is fixed\[4\]/,
  ],
];

describe.each([false, true])("invalid rows (partitioned: %s)", (partitioned) => {
  for (const [name, sql, message] of CASES) {
    it(`${name} fails the write and leaves no file`, async () => {
      const { table: t, dir } = table(partitioned);
      const before = t.metadata;
      const error = await prepareAppend({ ...t.target(), sourceSql: sql }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WriteError);
      expect(error).toMatchObject({ kind: "invalid-row", message: expect.stringMatching(message) });
      expect(filesUnder(dir)).toEqual([]);
      expect(t.metadata).toBe(before);
    });
  }

  it("a NULL struct may hold a required field (it is absent with its struct)", async () => {
    const { table: t } = table(partitioned);
    await t.commit(
      await prepareAppend({ ...t.target(), sourceSql: "SELECT * REPLACE (NULL AS s) FROM src" }),
    );
    expect(await t.count()).toBe(50);
  });

  it("a value that does not cast fails as invalid input and leaves no file", async () => {
    const { table: t, dir } = table(partitioned);
    const sql =
      "SELECT * REPLACE (CASE WHEN id = 40 THEN 'x' ELSE CAST(price AS VARCHAR) END AS price) FROM src";
    await expect(prepareAppend({ ...t.target(), sourceSql: sql })).rejects.toMatchObject({
      kind: "invalid-input",
    });
    expect(filesUnder(dir)).toEqual([]);
  });
});

describe("source columns", () => {
  it("refuses a column the table does not have", async () => {
    const { table: t } = table(false);
    await expect(
      prepareAppend({ ...t.target(), sourceSql: "SELECT *, 1 AS extra FROM src" }),
    ).rejects.toThrow(/no column "extra"/);
  });

  it("refuses rows without a required column", async () => {
    const { table: t } = table(false);
    await expect(
      prepareAppend({ ...t.target(), sourceSql: "SELECT name FROM src" }),
    ).rejects.toThrow(/"id", which is required/);
  });

  it("fills an optional column the rows do not have with NULL, matching names ignoring case", async () => {
    const { table: t } = table(false);
    await t.commit(
      await prepareAppend({ ...t.target(), sourceSql: "SELECT id AS ID, name AS Name FROM src" }),
    );
    const reader = await engine.connection.runAndReadAll(
      `SELECT count(name), count(price) FROM (${await t.rowsSql()})`,
    );
    expect(reader.getRows()[0].map(Number)).toEqual([42, 0]);
  });
});
