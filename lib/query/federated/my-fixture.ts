/** A scratch MariaDB/MySQL database made by the test's own statements, as catalog "myshop". */
import { randomBytes } from "node:crypto";
import { SYSTEM } from "@/lib/access";
import { createFederatedCatalog } from "@/lib/catalog/federated";
import { type TestCatalog, testCatalog } from "@/tests/support/catalog";
import type { FederatedRequest } from "./relation";
import {
  myRun,
  orClose,
  type ReadOptions,
  type ReadResult,
  readFederated,
  scratchName,
} from "./testing";

// Sealing needs a key; never write one into the repository's data folder from a test.
process.env.TARN_SECRETS_KEY ??= randomBytes(32).toString("base64");

export interface MyFixture {
  t: TestCatalog;
  database: string;
  /** Reads `options.table` (default `customers`) of catalog myshop. */
  read: (request: FederatedRequest, options?: ReadOptions) => Promise<ReadResult>;
  /** MySQL SQL written with double quotes for backticks and `$db` for the scratch database. */
  sql: (text: string) => string;
  close: () => Promise<void>;
}

/** `setup` statements may name the scratch database as `$db`. */
export async function myFixture(...setup: string[]): Promise<MyFixture> {
  const database = scratchName();
  const t = await testCatalog();
  const close = async () => {
    await t.close();
    await myRun(`DROP DATABASE IF EXISTS ${database}`);
  };
  await orClose(close, () =>
    myRun(`CREATE DATABASE ${database}`, ...setup.map((s) => s.replaceAll("$db", database))),
  );
  const connection = {
    type: "mysql" as const,
    host: "127.0.0.1",
    port: 3306,
    database,
    user: "root",
  };
  await createFederatedCatalog(t.db, SYSTEM, { name: "myshop", connection });
  return {
    t,
    database,
    read: (request, options = {}) =>
      readFederated(
        t.ctx,
        t.duck,
        { catalog: "myshop", namespace: [database], name: options.table ?? "customers" },
        request,
        options,
      ),
    sql: (text) => text.replaceAll('"', "`").replaceAll("$db", database),
    close,
  };
}
