/** The DDL tab: the Spark SQL CREATE TABLE that would recreate a table (ddl-text.ts). */
import { AppError } from "@/lib/errors";
import type { CatalogContext } from "../context";
import { describeExternal } from "../external";
import type { TableIdent } from "../identifiers";
import { readTableMetadata } from "../metadata-files";
import { displayName } from "../names";
import { parseProperties } from "../properties";
import { externalTableDdl, icebergTableDdl } from "./ddl-text";
import { openForPage } from "./page-table";

export async function tableDdl(ctx: CatalogContext, ident: TableIdent): Promise<string> {
  const opened = await openForPage(ctx, ident);
  const name = [ident.catalog, ...ident.namespace, ident.name];
  if (opened.source === "row" && opened.row.kind === "iceberg" && opened.row.metadataLocation) {
    const metadata = await readTableMetadata(ctx.io, opened.row.metadataLocation);
    return icebergTableDdl({
      name,
      schema:
        metadata.schemas.find((s) => s.schemaId === metadata.currentSchemaId) ??
        metadata.schemas[metadata.schemas.length - 1],
      spec: metadata.partitionSpecs.find((s) => s.specId === metadata.defaultSpecId),
      sortOrder: metadata.sortOrders.find((o) => o.orderId === metadata.defaultSortOrderId),
      formatVersion: metadata.formatVersion,
      properties: metadata.properties,
      comment: opened.row.comment,
    });
  }
  if (opened.source === "row" && opened.row.kind === "external") {
    const { columns, format, location } = await describeExternal(ctx, ident);
    return externalTableDdl({
      name,
      columns,
      format,
      location,
      options: parseProperties(opened.row.options),
      comment: opened.row.comment,
    });
  }
  const what =
    opened.source === "federated"
      ? "Tables of a federated database are defined in that database"
      : "A view's definition is its SQL (see the view's page)";
  throw new AppError(
    "bad_request",
    `${what}; there is no CREATE TABLE for ${displayName(ident.namespace, ident.name)}.`,
  );
}
