import { describe, expect, it } from "vitest";
import { parseSelect } from "@/lib/query/plan/duck-parser";
import type { SimplePredicate } from "./predicates";
import { type WhereOptions, wherePredicates } from "./where";

const COLUMNS = [
  "id",
  "amount",
  "note",
  "placed_on",
  "placed_at",
  "local_ts",
  "paid",
  "Mixed",
  "masked",
];

/** The predicates taken for the first BASE_TABLE named `orders` in `sql`. */
async function taken(sql: string, options: Partial<WhereOptions> = {}): Promise<SimplePredicate[]> {
  const parsed = await parseSelect(sql);
  if (!parsed.ok) throw new Error(parsed.message);
  const table = findTable(parsed.tree, "orders");
  return wherePredicates(parsed.tree, table, { columns: COLUMNS, ...options });
}

function findTable(tree: unknown, name: string): unknown {
  if (Array.isArray(tree)) return tree.map((t) => findTable(t, name)).find(Boolean);
  if (typeof tree !== "object" || tree === null) return undefined;
  const node = tree as Record<string, unknown>;
  if (node.type === "BASE_TABLE" && node.table_name === name) return node;
  return findTable(Object.values(node), name);
}

const int = (value: bigint | number) => ({ type: "integer", value: BigInt(value) });
const str = (value: string) => ({ type: "string", value });

/** [what, SQL, predicates taken]. */
const CASES: [string, string, unknown[]][] = [
  [
    "a comparison with an integer",
    "SELECT id FROM orders WHERE id > 5",
    [{ column: "id", op: ">", value: int(5) }],
  ],
  [
    "literal first, flipped",
    "SELECT id FROM orders WHERE 5 >= id",
    [{ column: "id", op: "<=", value: int(5) }],
  ],
  [
    "every conjunct",
    "SELECT id FROM orders WHERE id <> 3 AND note = 'x' AND (amount < -2.50 AND paid = true)",
    [
      { column: "id", op: "<>", value: int(3) },
      { column: "note", op: "=", value: str("x") },
      { column: "amount", op: "<", value: { type: "decimal", value: "-2.50" } },
      { column: "paid", op: "=", value: { type: "boolean", value: true } },
    ],
  ],
  [
    "decimals keep their scale",
    "SELECT 1 FROM orders WHERE amount = 0.05",
    [{ column: "amount", op: "=", value: { type: "decimal", value: "0.05" } }],
  ],
  [
    "doubles",
    "SELECT 1 FROM orders WHERE amount < 1e3 AND amount > 2.5::DOUBLE",
    [
      { column: "amount", op: "<", value: { type: "double", value: 1000 } },
      { column: "amount", op: ">", value: { type: "double", value: 2.5 } },
    ],
  ],
  [
    "bigint past 2^53, exactly",
    "SELECT 1 FROM orders WHERE id = 9223372036854775807",
    [{ column: "id", op: "=", value: int(9223372036854775807n) }],
  ],
  [
    "hugeint",
    "SELECT 1 FROM orders WHERE id < 12345678901234567890123",
    [{ column: "id", op: "<", value: int(12345678901234567890123n) }],
  ],
  [
    "negative hugeint",
    "SELECT 1 FROM orders WHERE id > -12345678901234567890123",
    [{ column: "id", op: ">", value: int(-12345678901234567890123n) }],
  ],
  [
    "typed literals",
    "SELECT 1 FROM orders WHERE placed_on >= DATE '2024-01-01' AND local_ts < TIMESTAMP '2024-01-01 10:00:00' AND placed_at > TIMESTAMPTZ '2024-01-01 10:00:00+02'",
    [
      { column: "placed_on", op: ">=", value: { type: "date", value: "2024-01-01" } },
      { column: "local_ts", op: "<", value: { type: "timestamp", value: "2024-01-01 10:00:00" } },
      {
        column: "placed_at",
        op: ">",
        value: { type: "timestamptz", value: "2024-01-01 10:00:00+02" },
      },
    ],
  ],
  [
    "IN",
    "SELECT 1 FROM orders WHERE id IN (1, 2, 3)",
    [{ column: "id", op: "IN", values: [int(1), int(2), int(3)] }],
  ],
  [
    "LIKE a prefix",
    "SELECT 1 FROM orders WHERE note LIKE 'ab%'",
    [{ column: "note", op: "LIKE", prefix: "ab" }],
  ],
  [
    "IS NULL, IS NOT NULL",
    "SELECT 1 FROM orders WHERE note IS NULL AND paid IS NOT NULL",
    [
      { column: "note", op: "IS NULL" },
      { column: "paid", op: "IS NOT NULL" },
    ],
  ],
  [
    "qualified by the alias",
    "SELECT 1 FROM orders o WHERE o.id = 1",
    [{ column: "id", op: "=", value: int(1) }],
  ],
  [
    "names ignore case",
    "SELECT 1 FROM orders WHERE ID = 1 AND mixed = 'a'",
    [
      { column: "id", op: "=", value: int(1) },
      { column: "Mixed", op: "=", value: str("a") },
    ],
  ],
  [
    "a parameter",
    "SELECT 1 FROM orders WHERE id = $1 AND note = $2",
    [
      { column: "id", op: "=", value: int(7) },
      { column: "note", op: "=", value: str("seven") },
    ],
  ],
  [
    "an inner join, qualified names only",
    "SELECT 1 FROM orders o JOIN lake.db.c c ON o.id = c.id WHERE o.id < 10 AND c.x = 1 AND note = 'n'",
    [{ column: "id", op: "<", value: int(10) }],
  ],
  [
    "the preserved side of a LEFT JOIN",
    "SELECT 1 FROM orders o LEFT JOIN c ON o.id = c.id WHERE o.note IS NULL",
    [{ column: "note", op: "IS NULL" }],
  ],
  [
    "the nullable side of a LEFT JOIN: NULL-rejecting only",
    "SELECT 1 FROM c LEFT JOIN orders o ON o.id = c.id WHERE o.id = 1 AND o.note IS NULL",
    [{ column: "id", op: "=", value: int(1) }],
  ],
  [
    "a FULL JOIN",
    "SELECT 1 FROM c FULL JOIN orders o ON o.id = c.id WHERE o.note IS NULL AND o.id > 1",
    [{ column: "id", op: ">", value: int(1) }],
  ],
  [
    "a subquery's own WHERE",
    "SELECT * FROM (SELECT id FROM orders WHERE id = 2) s WHERE s.id = 3",
    [{ column: "id", op: "=", value: int(2) }],
  ],
  [
    "a CTE's own WHERE",
    "WITH w AS (SELECT id FROM orders WHERE note LIKE 'n%') SELECT * FROM w",
    [{ column: "note", op: "LIKE", prefix: "n" }],
  ],
  [
    "one side of a UNION",
    "SELECT id FROM orders WHERE id = 1 UNION ALL SELECT id FROM c WHERE id = 2",
    [{ column: "id", op: "=", value: int(1) }],
  ],
  // Nothing taken where the pre-filter could change the answer or the literal is not simple.
  ["OR", "SELECT 1 FROM orders WHERE id = 1 OR id = 2", []],
  ["NOT IN", "SELECT 1 FROM orders WHERE id NOT IN (1)", []],
  [
    "NOT LIKE, ILIKE, LIKE … ESCAPE",
    "SELECT 1 FROM orders WHERE note NOT LIKE 'a%' AND note ILIKE 'a%' AND note LIKE 'a!%%' ESCAPE '!'",
    [],
  ],
  [
    "LIKE with a wildcard inside",
    "SELECT 1 FROM orders WHERE note LIKE 'a_b%' AND note LIKE '%a' AND note LIKE 'abc'",
    [],
  ],
  [
    "an expression of the column",
    "SELECT 1 FROM orders WHERE id + 1 = 2 AND lower(note) = 'x'",
    [],
  ],
  ["column against column", "SELECT 1 FROM orders WHERE id = amount", []],
  ["= NULL", "SELECT 1 FROM orders WHERE id = NULL", []],
  [
    "TRY_CAST and casts of columns",
    "SELECT 1 FROM orders WHERE id = TRY_CAST('1' AS INTEGER) AND CAST(id AS VARCHAR) = '1'",
    [],
  ],
  [
    "a date DuckDB reads but the source check would refuse",
    "SELECT 1 FROM orders WHERE placed_on = DATE '2024-1-1'",
    [],
  ],
  [
    "a column the table does not have (an outer query's)",
    "SELECT 1 FROM orders WHERE nope = 1",
    [],
  ],
  ["an unqualified name beside another table", "SELECT 1 FROM orders o, c WHERE id = 1", []],
  ["the table's name when it has an alias", "SELECT 1 FROM orders o WHERE orders.id = 1", []],
  ["a struct field", "SELECT 1 FROM orders o WHERE o.note.x = 1", []],
  ["renamed columns", "SELECT 1 FROM orders AS o(a, b) WHERE a = 1", []],
  ["TABLESAMPLE", "SELECT 1 FROM orders TABLESAMPLE 10% WHERE id = 1", []],
  [
    "a semi join's left side",
    "SELECT 1 FROM orders o SEMI JOIN c ON o.id = c.id WHERE o.id = 1",
    [{ column: "id", op: "=", value: int(1) }],
  ],
  [
    "a RIGHT JOIN's left side",
    "SELECT 1 FROM orders o RIGHT JOIN c ON o.id = c.id WHERE o.note IS NULL AND o.id = 1",
    [{ column: "id", op: "=", value: int(1) }],
  ],
  [
    "a lateral join",
    "SELECT 1 FROM c, LATERAL (SELECT * FROM orders o WHERE o.id = c.id) x WHERE x.id = 1",
    [],
  ],
  ["a positional join", "SELECT 1 FROM orders o POSITIONAL JOIN c WHERE o.id = 1", []],
  ["an ASOF join", "SELECT 1 FROM c ASOF JOIN orders o ON c.t >= o.placed_at WHERE o.id = 1", []],
  ["an excluded (masked) column", "SELECT 1 FROM orders WHERE masked = 1", []],
  ["an unknown parameter", "SELECT 1 FROM orders WHERE id = $9", []],
  [
    "in a scalar subquery of another table's query",
    "SELECT (SELECT max(id) FROM orders) FROM c WHERE c.id = 1",
    [],
  ],
];

describe("predicates taken from a WHERE for a federated table", () => {
  it.each(CASES)("%s", async (_, sql, expected) => {
    const params: Record<string, unknown> = { "1": 7, "2": "seven" };
    const options: Partial<WhereOptions> = {
      exclude: (column) => column === "masked",
      param: (identifier) => params[identifier] as number | string | undefined,
    };
    expect(await taken(sql, options)).toEqual(expected);
  });
});
