/**
 * The demo data set as DuckDB SQL: a small shop's customers, products, orders and order
 * lines, generated from integer sequences with arithmetic hashing — the same rows every
 * time, on every machine, with no randomness and no files.
 */

export interface DemoScale {
  customers: number;
  products: number;
  orders: number;
  /** Orders are spread evenly over [firstDay, firstDay + days). */
  firstDay: string;
  days: number;
}

/** About a million order lines (orders × 4 on average). */
export const DEFAULT_SCALE: DemoScale = { customers: 20_000, products: 2_000, orders: 250_000, firstDay: "2023-01-01", days: 1004 };

/** A deterministic value in [0, 1) for row `i` and a per-column `salt`. */
export const DEMO_MACROS = `
CREATE OR REPLACE TEMP MACRO demo_rand(i, salt) AS
  ((((i::BIGINT * 2654435761 + salt::BIGINT * 40503) % 4294967296) * 1597334677 + 3266489917) % 4294967296) / 4294967296.0;
CREATE OR REPLACE TEMP MACRO demo_pick(i, salt, options) AS
  options[1 + floor(demo_rand(i, salt) * len(options))::INTEGER];
`;

const COUNTRIES = `['US','US','US','DE','FR','GB','NL','SE','ES','IT','CA','BR','JP','AU','IN']`;
const FIRST = `['Ada','Grace','Alan','Edsger','Barbara','Donald','Frances','Ken','Margaret','Niklaus','Radia','Tim','Sophie','Linus','Hedy','Katherine']`;
const LAST = `['Lovelace','Hopper','Turing','Dijkstra','Liskov','Knuth','Allen','Thompson','Hamilton','Wirth','Perlman','Berners','Wilson','Torvalds','Lamarr','Johnson']`;
const CATEGORIES = `['Books','Electronics','Garden','Kitchen','Outdoors','Toys','Office','Music']`;
const ADJECTIVES = `['Classic','Compact','Deluxe','Eco','Smart','Rugged','Portable','Vintage']`;
const NOUNS = `['Lamp','Kettle','Backpack','Speaker','Notebook','Planter','Puzzle','Headphones','Chair','Guitar']`;

export function customersSql(scale: DemoScale): string {
  return `SELECT
  i + 1 AS customer_id,
  demo_pick(i, 1, ${FIRST}) || ' ' || demo_pick(i, 2, ${LAST}) AS name,
  lower(demo_pick(i, 1, ${FIRST})) || '.' || (i + 1)::VARCHAR || '@example.com' AS email,
  demo_pick(i, 3, ${COUNTRIES}) AS country,
  demo_pick(i, 4, ['consumer','consumer','consumer','small business','enterprise']) AS segment,
  DATE '2021-01-01' + floor(demo_rand(i, 5) * 730)::INTEGER AS signup_date
FROM range(${scale.customers}) t(i)`;
}

export function productsSql(scale: DemoScale): string {
  return `SELECT
  (i + 1)::INTEGER AS product_id,
  'SKU-' || lpad((i + 1)::VARCHAR, 6, '0') AS sku,
  demo_pick(i, 11, ${ADJECTIVES}) || ' ' || demo_pick(i, 12, ${NOUNS}) AS name,
  demo_pick(i, 13, ${CATEGORIES}) AS category,
  round(2 + demo_rand(i, 14) * 298, 2)::DECIMAL(10, 2) AS unit_price,
  demo_rand(i, 15) > 0.05 AS active
FROM range(${scale.products}) t(i)`;
}

/** Orders whose ids fall in [from, to): dates grow with the id, so id ranges are periods. */
export function ordersSql(scale: DemoScale, from = 0, to = scale.orders): string {
  return `SELECT
  o.i + 1 AS order_id,
  1 + floor(demo_rand(o.i, 21) * ${scale.customers})::BIGINT AS customer_id,
  DATE '${scale.firstDay}' + floor(o.i * ${scale.days} / ${scale.orders})::INTEGER AS order_date,
  demo_pick(o.i, 22, ['delivered','delivered','delivered','delivered','shipped','processing','cancelled','returned']) AS status,
  demo_pick(o.i, 23, ['web','web','mobile','store','partner']) AS channel,
  (SELECT sum(l.quantity * l.unit_price * (1 - l.discount)) FROM (${linesOf("o.i", scale.products)}) l)::DECIMAL(12, 2) AS total_amount
FROM range(${from}, ${to}) o(i)`;
}

export function orderLinesSql(scale: DemoScale, from = 0, to = scale.orders): string {
  return `SELECT
  o.i + 1 AS order_id,
  l.line_number,
  l.product_id,
  l.quantity,
  l.unit_price,
  l.discount,
  DATE '${scale.firstDay}' + floor(o.i * ${scale.days} / ${scale.orders})::INTEGER AS order_date
FROM range(${from}, ${to}) o(i), LATERAL (${linesOf("o.i", scale.products)}) l`;
}

/** The lines of order `i`: 1–7 of them, each a product, a quantity, a price and a discount. */
function linesOf(i: string, products: number): string {
  return `SELECT
    n::INTEGER AS line_number,
    (1 + floor(demo_rand(${i} * 8 + n, 31) * ${products}))::INTEGER AS product_id,
    (1 + floor(demo_rand(${i} * 8 + n, 32) * 5))::INTEGER AS quantity,
    round(2 + demo_rand(${i} * 8 + n, 33) * 298, 2)::DECIMAL(10, 2) AS unit_price,
    (CASE WHEN demo_rand(${i} * 8 + n, 34) < 0.2 THEN 0.10 ELSE 0 END)::DECIMAL(4, 2) AS discount
  FROM range(1, 2 + floor(demo_rand(${i}, 30) * 7)::INTEGER) r(n)`;
}
