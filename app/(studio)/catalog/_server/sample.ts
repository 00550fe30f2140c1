import "server-only";
import { sampleRelation } from "@/app/_server/sample-engine";
import type { SampleResult } from "@/components/catalog/table-types";
import { type CatalogContext, scanTable, type TableIdent } from "@/lib/catalog";
import { describeTable } from "@/lib/catalog/browse";
import { describeExternal, externalRelationSql } from "@/lib/catalog/external";

export const SAMPLE_ROWS = 100;

/**
 * The first rows of a table, read server-side: an Iceberg table's current snapshot
 * (through scanTable's relation), or an external table's files as they are now.
 */
export async function tableSample(ctx: CatalogContext, ident: TableIdent): Promise<SampleResult> {
  const { kind } = await describeTable(ctx, ident);
  if (kind === "federated") return { available: false, reason: "Federated tables are read live from their database; sample rows arrive with the query engine." };
  if (kind === "view") return { available: false, reason: "A view's rows come from running its SQL; that arrives with the query engine." };
  if (kind === "external") {
    const { location, format, options } = await describeExternal(ctx, ident);
    const relation = externalRelationSql({ kind: "external", location, format, options: JSON.stringify(options) });
    return { available: true, ...(await sampleRelation(relation, SAMPLE_ROWS)) };
  }
  const scan = await scanTable(ctx, ident);
  if (scan.table.metadata.currentSnapshotId === undefined) return { available: true, columns: [], rows: [] };
  return { available: true, ...(await sampleRelation(scan.sql, SAMPLE_ROWS)) };
}
