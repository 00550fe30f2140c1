import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Schema } from "@/lib/iceberg/spec";
import { planFixture, type PlanFixture, tableWithRows } from "./testing/fixture";

let f: PlanFixture;
const schema: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "id", type: "long", required: false },
    { id: 2, name: "customer", type: "string", required: false },
    { id: 3, name: "amount", type: "double", required: false },
  ],
};
const orders = { catalog: "lake", namespace: ["db"], name: "orders" };

beforeAll(async () => {
  f = await planFixture();
  await tableWithRows(f.t, orders, schema, "SELECT 1 AS id, 'ada' AS customer, 10.0 AS amount", "SELECT 2 AS id, 'bob' AS customer, 20.0 AS amount");
});
afterAll(() => f.close());

describe("planQuery", () => {
  it("reads a table by its short name", async () => {
    expect(await f.run("SELECT id, customer FROM orders ORDER BY id")).toEqual([
      { id: "1", customer: "ada" },
      { id: "2", customer: "bob" },
    ]);
  });
});
