import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PgFixture, pgFixture } from "./pg-fixture";
import { pgRun } from "./testing";

let f: PgFixture;
let scratch: string;
beforeAll(async () => {
  f = await pgFixture();
  scratch = f.database;
});
afterAll(() => f?.close());

const read: PgFixture["read"] = (request, options) => f.read(request, options);

const dec = (value: string) => ({ type: "decimal" as const, value });
const str = (value: string) => ({ type: "string" as const, value });
const int = (value: number) => ({ type: "integer" as const, value: BigInt(value) });

describe("projection and pushdown", () => {
  it("sends only the needed columns and the predicates, every literal bound", async () => {
    const { sent, rows } = await read({
      columns: ["id", "amount"],
      predicates: [
        { column: "amount", op: ">=", value: dec("100.50") },
        { column: "note", op: "LIKE", prefix: "note 1" },
        { column: "placed_on", op: "<", value: { type: "date", value: "2024-06-01" } },
        { column: "customer_id", op: "IN", values: [int(3), int(5)] },
      ],
    });
    expect(sent).toEqual([
      {
        sql: `SELECT "id", "amount" FROM "shop"."orders" WHERE "amount" >= $1::numeric AND "note" COLLATE "C" LIKE $2 ESCAPE '!' AND "placed_on" < $3::date AND "customer_id" IN ($4::int8, $5::int8) LIMIT $6`,
        params: ["100.50", "note 1%", "2024-06-01", "3", "5", "1000001"],
      },
    ]);
    const expected = await pgRun(
      scratch,
      `SELECT id::text FROM shop.orders WHERE amount >= 100.50 AND note LIKE 'note 1%' AND placed_on < '2024-06-01' AND customer_id IN (3, 5) ORDER BY id`,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(await rows("SELECT id::VARCHAR AS id FROM $rel ORDER BY id::BIGINT")).toEqual(expected);
  });

  it("never splices a value into the SQL text", async () => {
    const hostile = "x'; DROP TABLE shop.orders; --";
    const { sent, rows } = await read({
      columns: ["id"],
      predicates: [{ column: "note", op: "=", value: str(hostile) }],
    });
    expect(sent[0].sql).not.toContain("DROP");
    expect(sent[0].params).toContain(hostile);
    expect(await rows("SELECT count(*)::INTEGER AS n FROM $rel")).toEqual([{ n: 0 }]);
    expect(await pgRun(scratch, "SELECT count(*)::int AS n FROM shop.orders")).toEqual([
      { n: 1004 },
    ]);
  });

  it("compares strings in byte order, as DuckDB does, and LIKE wildcards in a prefix are plain text", async () => {
    const { sent, rows } = await read({
      columns: ["note"],
      predicates: [
        { column: "note", op: ">=", value: str("Note") },
        { column: "note", op: "<", value: str("note") },
      ],
    });
    expect(sent[0].sql).toContain(`"note" COLLATE "C" >= $1 AND "note" COLLATE "C" < $2`);
    expect(await rows("SELECT note FROM $rel")).toEqual([{ note: "Note upper" }]);
    const like = await read({
      columns: ["note"],
      predicates: [{ column: "note", op: "LIKE", prefix: "note_x%" }],
    });
    expect(like.sent[0].params[0]).toBe("note!_x!%%");
    expect(await like.rows("SELECT note FROM $rel")).toEqual([{ note: "note_x%" }]);
  });

  it("keeps predicates it cannot send in DuckDB, fetching their columns for that", async () => {
    const { sent, rows } = await read({
      columns: ["id"],
      predicates: [
        { column: "code", op: "=", value: str("AB") },
        { column: "meta", op: "IS NOT NULL" },
        { column: "id", op: "<=", value: int(10) },
      ],
    });
    // character(n) equality goes out (the source keeps a superset) and is checked again here.
    expect(sent[0].sql).toBe(
      `SELECT "id", "code" FROM "shop"."orders" WHERE "code" = $1 AND "meta" IS NOT NULL AND "id" <= $2::int8 LIMIT $3`,
    );
    expect(await rows("SELECT list(id ORDER BY id)::VARCHAR AS ids FROM $rel")).toEqual([
      { ids: "[2, 4, 6, 8, 10]" },
    ]);
    expect(await rows("DESCRIBE SELECT * FROM $rel")).toMatchObject([{ column_name: "id" }]);
  });

  it("lets the source stop at a LIMIT only when every predicate is its own", async () => {
    const exact = await read({
      columns: ["id"],
      predicates: [{ column: "id", op: ">", value: int(100) }],
      limit: 5,
    });
    expect(exact.sent[0].params.at(-1)).toBe("5");
    expect(await exact.rows("SELECT count(*)::INTEGER AS n FROM $rel")).toEqual([{ n: 5 }]);
    const rechecked = await read({
      columns: ["id"],
      predicates: [{ column: "code", op: "=", value: str("AB") }],
      limit: 5,
    });
    expect(rechecked.sent[0].params.at(-1)).toBe("1000001");
    expect(await rechecked.rows("SELECT count(*)::INTEGER AS n FROM $rel")).toEqual([{ n: 5 }]);
  });

  it("reads no columns at all for count(*)", async () => {
    const { sent, rows } = await read({
      columns: [],
      predicates: [{ column: "paid", op: "=", value: { type: "boolean", value: true } }],
    });
    expect(sent[0].sql).toBe(`SELECT 1 FROM "shop"."orders" WHERE "paid" = $1::boolean LIMIT $2`);
    expect(await rows("SELECT count(*)::INTEGER AS n FROM $rel")).toEqual([{ n: 333 }]);
  });

  it("quotes names as the source needs", async () => {
    const { sent, rows } = await read({
      columns: ["Mixed Case"],
      predicates: [{ column: "id", op: "=", value: int(7) }],
    });
    expect(sent[0].sql).toContain(`SELECT "Mixed Case" FROM`);
    expect(await rows(`SELECT "Mixed Case" AS m FROM $rel`)).toEqual([{ m: "m7" }]);
  });
});
