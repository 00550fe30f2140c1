import "server-only";
import type { FilesView, PartitionRow } from "@/components/catalog/table-types";
import { type CatalogContext, loadTable, type TableIdent } from "@/lib/catalog";
import { type MetadataRow, metadataTable } from "@/lib/iceberg/scan";

const MAX_FILES = 500;
const CONTENT = ["data", "position deletes", "equality deletes"];

/**
 * Partitions and data files of the current snapshot.
 * INTERIM until lib/catalog/browse `partitionsAndFiles` lands (paged, with readable
 * partition values): built from lib/iceberg's metadata tables, first 500 files.
 */
export async function tableFiles(ctx: CatalogContext, ident: TableIdent): Promise<FilesView> {
  const { metadata } = await loadTable(ctx, ident);
  const input = { io: ctx.io, metadata };
  const [partitions, files] = await Promise.all([metadataTable("partitions", input), metadataTable("files", input)]);
  const spec = metadata.partitionSpecs.find((s) => s.specId === metadata.defaultSpecId);
  return {
    partitionFields: spec?.fields.map((f) => f.name) ?? [],
    partitions: partitions.rows.map(partitionRow).sort((a, b) => JSON.stringify(a.partition).localeCompare(JSON.stringify(b.partition))),
    files: files.rows.slice(0, MAX_FILES).map((row) => ({
      path: String(row.file_path),
      content: CONTENT[Number(row.content)] ?? String(row.content),
      format: String(row.file_format).toLowerCase(),
      partition: partitionText(row.partition),
      rows: Number(row.record_count),
      bytes: Number(row.file_size_in_bytes),
    })),
    truncated: files.rows.length > MAX_FILES,
    totalFiles: files.rows.length,
  };
}

function partitionRow(row: MetadataRow): PartitionRow {
  return { partition: partitionText(row.partition), files: Number(row.file_count), rows: Number(row.record_count), bytes: Number(row.total_size) };
}

function partitionText(value: unknown): Record<string, string | null> | null {
  if (!value || typeof value !== "object") return null;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, v === null || v === undefined ? null : String(v)]));
}
