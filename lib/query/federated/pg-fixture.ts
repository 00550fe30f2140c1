/** A scratch PostgreSQL database with a shop.orders table of every common type, as catalog "pgshop". */
import { randomBytes } from "node:crypto";
import { SYSTEM } from "@/lib/access";
import { createFederatedCatalog } from "@/lib/catalog/federated";
import { type TestCatalog, testCatalog } from "@/tests/support/catalog";
import type { FederatedRequest } from "./relation";
import {
  orClose,
  pgRun,
  type ReadOptions,
  type ReadResult,
  readFederated,
  scratchName,
} from "./testing";

// Sealing needs a key; never write one into the repository's data folder from a test.
process.env.TARN_SECRETS_KEY ??= randomBytes(32).toString("base64");

export const PG_ORDERS = { catalog: "pgshop", namespace: ["shop"], name: "orders" };

export interface PgFixture {
  t: TestCatalog;
  database: string;
  /** Reads `orders` (or `options.table`) of catalog pgshop. */
  read: (request: FederatedRequest, options?: ReadOptions) => Promise<ReadResult>;
  close: () => Promise<void>;
}

/** `setup` runs in the new database after the shared tables are made. */
export async function pgFixture(...setup: string[]): Promise<PgFixture> {
  const database = scratchName();
  const t = await testCatalog();
  const close = async () => {
    await t.close();
    await pgRun("postgres", `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  };
  await pgRun("postgres", `CREATE DATABASE ${database}`);
  await orClose(close, () => pgRun(database, ...PG_SETUP, ...setup));
  const connection = {
    type: "postgresql" as const,
    host: "127.0.0.1",
    port: 5432,
    database,
    user: "postgres",
  };
  await createFederatedCatalog(t.db, SYSTEM, { name: "pgshop", connection });
  return {
    t,
    database,
    read: (request, options = {}) =>
      readFederated(
        t.ctx,
        t.duck,
        { ...PG_ORDERS, name: options.table ?? "orders" },
        request,
        options,
      ),
    close,
  };
}

const PG_SETUP = [
  "CREATE SCHEMA shop",
  `CREATE TABLE shop.orders (id bigint PRIMARY KEY, customer_id integer NOT NULL, amount numeric(12,2),
     placed_at timestamptz, placed_on date, local_ts timestamp(6), note text, code character(4),
     paid boolean, ref uuid, meta jsonb, qty smallint, ratio double precision, small_ratio real,
     big numeric, payload bytea, tags text[], "Mixed Case" text)`,
  `INSERT INTO shop.orders SELECT g, g % 50 + 1, (g * 1.25)::numeric(12,2),
     timestamptz '2024-01-01 00:00:00+00' + g * interval '1 hour', date '2024-01-01' + g,
     timestamp '2024-01-01 00:00:00.123456' + g * interval '1 minute', 'note ' || g,
     CASE WHEN g % 2 = 0 THEN 'AB' ELSE 'CD' END, g % 3 = 0, md5(g::text)::uuid,
     jsonb_build_object('g', g), (g % 100)::smallint, g / 4.0, (g / 4.0)::real,
     g * 1000000000000.5, decode(lpad(to_hex(g), 4, '0'), 'hex'), ARRAY['a', 'b'], 'm' || g
   FROM generate_series(1, 1000) g`,
  "INSERT INTO shop.orders (id, customer_id) VALUES (1001, 7)",
  "INSERT INTO shop.orders (id, customer_id, note) VALUES (1002, 7, 'Note upper'), (1003, 7, 'note_x%'), (1004, 7, 'ñote')",
  "CREATE VIEW shop.slow AS SELECT g AS id, pg_sleep(0.05)::text AS nap FROM generate_series(1, 1000) g",
];
