/**
 * The WHERE pre-filter never changes an answer: each query runs twice over the real
 * PostgreSQL table — once with the predicates `wherePredicates` takes from DuckDB's parse
 * tree sent to the source, once with none — and both give the same rows. Outer joins,
 * the anti-join idiom (`LEFT JOIN … WHERE o.id IS NULL`), subqueries and CTEs included.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSelect } from "@/lib/query/plan/duck-parser";
import { type PgFixture, pgFixture } from "./pg-fixture";
import { wherePredicates } from "./where";

const COLUMNS = ["id", "customer_id", "amount", "placed_at", "placed_on", "note", "paid"];

let f: PgFixture;
beforeAll(async () => {
  f = await pgFixture();
  await f.t.duck.run(
    "CREATE TEMP TABLE c AS SELECT range AS id, 'c' || range AS name FROM range(0, 80, 3)",
  );
});
afterAll(() => f?.close());

/** [what, query with {orders} for the federated table, how many predicates are taken]. */
const QUERIES: [string, string, number][] = [
  [
    "one table",
    "SELECT id FROM {orders} WHERE amount > 100.5 AND note LIKE 'note 1%' AND paid = true",
    3,
  ],
  [
    "an inner join",
    "SELECT o.id, c.name FROM {orders} o JOIN c ON c.id = o.customer_id WHERE o.placed_on < DATE '2024-03-01' AND c.id > 10",
    1,
  ],
  [
    "a LEFT JOIN, the table nullable",
    "SELECT c.id, o.id FROM c LEFT JOIN {orders} o ON o.customer_id = c.id AND o.id < 100 WHERE o.id > 20",
    1,
  ],
  [
    "the anti-join idiom",
    "SELECT c.id FROM c LEFT JOIN {orders} o ON o.customer_id = c.id AND o.id <= 60 WHERE o.id IS NULL",
    0,
  ],
  [
    "IS NULL on the preserved side",
    "SELECT o.id FROM {orders} o LEFT JOIN c ON c.id = o.customer_id WHERE o.note IS NULL",
    1,
  ],
  [
    "a FULL JOIN",
    "SELECT c.id, o.id FROM c FULL JOIN {orders} o ON o.customer_id = c.id WHERE o.customer_id IN (3, 9, 60) OR c.id = 0",
    0,
  ],
  [
    "a FULL JOIN, NULL-rejecting",
    "SELECT c.id, o.id FROM c FULL JOIN {orders} o ON o.customer_id = c.id WHERE o.customer_id IN (3, 9, 60)",
    1,
  ],
  [
    "a correlated EXISTS",
    "SELECT id FROM c WHERE EXISTS (SELECT 1 FROM {orders} o WHERE o.customer_id = c.id AND o.paid = true)",
    1,
  ],
  ["a semi join", "SELECT c.id FROM c SEMI JOIN {orders} o ON o.customer_id = c.id", 0],
  [
    "an anti join",
    "SELECT c.id FROM c ANTI JOIN {orders} o ON o.customer_id = c.id AND o.amount > 500",
    0,
  ],
  [
    "a CTE and GROUP BY … HAVING",
    "WITH w AS (SELECT customer_id, amount FROM {orders} WHERE amount IS NOT NULL AND id <= 900) SELECT customer_id, sum(amount) AS s FROM w GROUP BY 1 HAVING sum(amount) > 5000",
    2,
  ],
  [
    "a subquery in FROM",
    "SELECT s.id FROM (SELECT id, note FROM {orders} WHERE placed_at >= TIMESTAMPTZ '2024-01-20 00:00:00+00') s WHERE s.note <> 'note 500'",
    1,
  ],
  [
    "a window after the WHERE",
    "SELECT id, row_number() OVER (ORDER BY id) AS n FROM {orders} WHERE customer_id = 7",
    1,
  ],
  ["OR stays whole", "SELECT id FROM {orders} WHERE id < 5 OR note IS NULL", 0],
];

async function rowsFor(sql: string, predicatesTaken: boolean) {
  const parsed = await parseSelect(sql.replaceAll("{orders}", "pgshop.shop.orders"));
  if (!parsed.ok) throw new Error(parsed.message);
  const predicates = predicatesTaken
    ? wherePredicates(parsed.tree, findOrders(parsed.tree), { columns: COLUMNS })
    : [];
  const read = await f.read({ columns: COLUMNS, predicates });
  const rows = await read.rows(
    `SELECT * FROM (${sql.replaceAll("{orders}", "$rel")}) ORDER BY ALL`,
  );
  return { predicates, rows };
}

function findOrders(tree: unknown): unknown {
  if (Array.isArray(tree)) return tree.map(findOrders).find(Boolean);
  if (typeof tree !== "object" || tree === null) return undefined;
  const node = tree as Record<string, unknown>;
  if (node.type === "BASE_TABLE" && node.table_name === "orders") return node;
  return findOrders(Object.values(node));
}

describe("pre-filtering a federated table by its WHERE", () => {
  it.each(QUERIES)("%s", async (_, sql, taken) => {
    const pushed = await rowsFor(sql, true);
    const whole = await rowsFor(sql, false);
    expect(pushed.predicates).toHaveLength(taken);
    expect(whole.rows.length).toBeGreaterThan(0);
    expect(pushed.rows).toEqual(whole.rows);
  });
});
