/**
 * The demo catalog, created on first start: `demo.sales` with customers, products, orders
 * and order lines (about a million), and a little history so time travel has something to
 * show — an initial load (tagged `initial-load` on orders), a later batch of orders, a
 * clean-up delete and a price update.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { SYSTEM } from "@/lib/access";
import { appendRows, type CatalogContext, createCatalog, createNamespace, createTable, deleteRows, manageSnapshots, type TableIdent, updateRows } from "@/lib/catalog";
import type { Db } from "@/lib/db";
import { and, eq, lt } from "@/lib/iceberg/expr";
import type { FileIO } from "@/lib/iceberg/io";
import { customersSql, DEFAULT_SCALE, type DemoScale, DEMO_MACROS, orderLinesSql, ordersSql, productsSql } from "./sources";
import { DEMO_TABLES } from "./tables";

export const DEMO_CATALOG = "demo";
export const DEMO_NAMESPACE = ["sales"];

const ident = (name: string): TableIdent => ({ catalog: DEMO_CATALOG, namespace: DEMO_NAMESPACE, name });

/** Creates the demo catalog unless it exists. Returns whether it did. */
export async function seedDemo(db: Db, io: FileIO, connection: DuckDBConnection, scale: DemoScale = DEFAULT_SCALE): Promise<boolean> {
  if (await db.catalog.findUnique({ where: { path: DEMO_CATALOG } })) return false;
  const ctx: CatalogContext = { db, io, actor: SYSTEM };
  await createCatalog(db, SYSTEM, { name: DEMO_CATALOG, kind: "managed", comment: "Sample data: a small online shop" });
  await createNamespace(db, SYSTEM, { catalog: DEMO_CATALOG, namespace: DEMO_NAMESPACE }, { comment: "Orders, customers and products of a small online shop" });
  for (const table of DEMO_TABLES) {
    await createTable(ctx, ident(table.name), { schema: table.schema, partitionBy: table.partitionBy, properties: { comment: table.comment } });
  }
  await connection.run(DEMO_MACROS);
  const firstBatch = Math.floor(scale.orders * 0.8);
  await appendRows(ctx, ident("customers"), connection, customersSql(scale));
  await appendRows(ctx, ident("products"), connection, productsSql(scale));
  const initial = await appendRows(ctx, ident("orders"), connection, ordersSql(scale, 0, firstBatch));
  await manageSnapshots(ctx, ident("orders"), (m) => m.createTag("initial-load", initial.metadata.currentSnapshotId!));
  await appendRows(ctx, ident("order_lines"), connection, orderLinesSql(scale, 0, firstBatch));
  // History for time travel: a later batch, a clean-up, a price change.
  await appendRows(ctx, ident("orders"), connection, ordersSql(scale, firstBatch, scale.orders));
  await appendRows(ctx, ident("order_lines"), connection, orderLinesSql(scale, firstBatch, scale.orders));
  await deleteRows(ctx, ident("orders"), connection, and(eq("status", "cancelled"), lt("order_date", "2023-04-01")));
  await updateRows(ctx, ident("products"), connection, eq("category", "Books"), { unit_price: "round(unit_price * 1.05, 2)" });
  return true;
}
