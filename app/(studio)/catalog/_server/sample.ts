import "server-only";
import { sampleRelation } from "@/app/_server/sample-engine";
import type { SampleResult } from "@/components/catalog/table-types";
import { type CatalogContext, scanTable, type TableIdent } from "@/lib/catalog";
import { externalRelationSql } from "@/lib/catalog/external";
import { catalogContextKind } from "./catalog-info";
import { loadLeaf } from "./leaf";

export const SAMPLE_ROWS = 100;

/** The first rows of a table (its current snapshot, or an external table's files now), read server-side. */
export async function tableSample(ctx: CatalogContext, ident: TableIdent): Promise<SampleResult> {
  if ((await catalogContextKind(ctx, ident.catalog)) === "federated") {
    return { available: false, reason: "Federated tables are read live from their database; sample rows arrive with the query engine." };
  }
  const leaf = await loadLeaf(ctx, ident);
  if (leaf.kind === "view") return { available: false, reason: "A view's rows come from running its SQL; that arrives with the query engine." };
  if (leaf.kind === "external") {
    const { location, format, options } = leaf.external;
    const relation = externalRelationSql({ kind: "external", location, format, options: JSON.stringify(options) });
    return { available: true, ...(await sampleRelation(relation, SAMPLE_ROWS)) };
  }
  const scan = await scanTable(ctx, ident);
  if (scan.table.metadata.currentSnapshotId === undefined) return { available: true, columns: [], rows: [] };
  return { available: true, ...(await sampleRelation(scan.sql, SAMPLE_ROWS)) };
}
