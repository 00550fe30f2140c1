/**
 * The Partitions & files tab: the `partitions` and `files` metadata tables of a snapshot
 * (lib/iceberg/scan), made plain for display — partition values as text (as partition
 * paths print them), sizes as numbers, files paged.
 */
import { type MetadataRow, metadataTable } from "@/lib/iceberg/scan";
import { findFieldById, type TableMetadata } from "@/lib/iceberg/spec";
import { toHumanString } from "@/lib/iceberg/transforms";
import type { CatalogContext } from "../context";
import type { TableIdent } from "../identifiers";
import { openIceberg, pathResolver } from "./page-table";

export interface PartitionSummary {
  /** Partition field → value as text (null for NULL); empty for unpartitioned tables. */
  partition: Record<string, string | null>;
  records: number;
  files: number;
  bytes: number;
}

export type FileContent = "data" | "position-deletes" | "equality-deletes";

export interface FileSummary {
  path: string;
  content: FileContent;
  format: string;
  specId: number;
  partition: Record<string, string | null>;
  records: number;
  bytes: number;
}

export interface PartitionsAndFiles {
  snapshotId: string | null;
  partitionFields: string[];
  partitions: PartitionSummary[];
  files: FileSummary[];
  totalFiles: number;
}

export interface FilesOptions {
  /** A snapshot id (as text); the current snapshot by default. */
  snapshotId?: string;
  /** Files to return from `offset` (default 500, at most 5,000). */
  limit?: number;
  offset?: number;
}

const CONTENT: FileContent[] = ["data", "position-deletes", "equality-deletes"];

export async function partitionsAndFiles(
  ctx: CatalogContext,
  ident: TableIdent,
  opts: FilesOptions = {},
): Promise<PartitionsAndFiles> {
  const table = await openIceberg(ctx, ident);
  const snapshotId = opts.snapshotId ?? table.metadata.currentSnapshotId?.toString() ?? null;
  if (snapshotId === null)
    return { snapshotId, partitionFields: [], partitions: [], files: [], totalFiles: 0 };
  const input = {
    io: ctx.io,
    metadata: table.metadata,
    resolver: pathResolver(ctx, table),
    snapshot: { type: "snapshot-id" as const, snapshotId: BigInt(snapshotId) },
  };
  const [partitions, files] = await Promise.all([
    metadataTable("partitions", input),
    metadataTable("files", input),
  ]);
  const types = partitionFields(table.metadata);
  const offset = Math.max(0, opts.offset ?? 0);
  const limit = Math.max(1, Math.min(opts.limit ?? 500, 5000));
  return {
    snapshotId,
    partitionFields: [...types.keys()],
    partitions: partitions.rows.map((r) => ({
      partition: partitionText(r.partition, types),
      records: num(r.record_count),
      files: num(r.file_count),
      bytes: num(r.total_size),
    })),
    files: files.rows.slice(offset, offset + limit).map((r) => fileSummary(r, types)),
    totalFiles: files.rows.length,
  };
}

function fileSummary(r: MetadataRow, types: Map<string, PartitionField>): FileSummary {
  return {
    path: String(r.file_path),
    content: CONTENT[num(r.content)] ?? "data",
    format: String(r.file_format),
    specId: num(r.spec_id),
    partition: partitionText(r.partition, types),
    records: num(r.record_count),
    bytes: num(r.file_size_in_bytes),
  };
}

interface PartitionField {
  transform: string;
  sourceType: string;
}

/**
 * Partition fields by the names the metadata tables give them: every field of every spec,
 * by field id, a repeated name suffixed `_1`, `_2`… (as lib/iceberg/scan names them).
 */
function partitionFields(metadata: TableMetadata): Map<string, PartitionField> {
  const fields = new Map<string, PartitionField>();
  const seen = new Set<number>();
  for (const spec of metadata.partitionSpecs) {
    for (const field of spec.fields) {
      if (seen.has(field.fieldId)) continue;
      seen.add(field.fieldId);
      let name = field.name;
      for (let n = 1; fields.has(name); n++) name = `${field.name}_${n}`;
      fields.set(name, {
        transform: field.transform,
        sourceType: sourceTypeOf(metadata, field.sourceId),
      });
    }
  }
  return fields;
}

function sourceTypeOf(metadata: TableMetadata, sourceId: number): string {
  for (const schema of [...metadata.schemas].reverse()) {
    const type = findFieldById(schema, sourceId)?.type;
    if (typeof type === "string") return type;
  }
  return "string";
}

/** `{ day_month: "2024-01" }`: values as partition paths print them. */
function partitionText(
  value: unknown,
  fields: Map<string, PartitionField>,
): Record<string, string | null> {
  const struct = (value ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    [...fields].map(([name, field]) => {
      const v = struct[name];
      if (v === null || v === undefined) return [name, null];
      try {
        return [name, toHumanString(field.transform, field.sourceType, v as never)];
      } catch {
        return [name, String(v)];
      }
    }),
  );
}

function num(value: unknown): number {
  return typeof value === "bigint" ? Number(value) : Number(value ?? 0);
}
