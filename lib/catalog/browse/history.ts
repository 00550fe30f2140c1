/**
 * The Schema and Snapshots tabs: every schema a table has had (with when it was first
 * written), and its snapshots newest first — operation, what was added and removed, the
 * refs pointing at each, and who committed it (audit log) or which engine (summary).
 */
import {
  allFields,
  type IcebergType,
  type Schema,
  type Snapshot,
  type TableMetadata,
  typeToString,
} from "@/lib/iceberg/spec";
import type { CatalogContext } from "../context";
import type { TableIdent } from "../identifiers";
import { committersBySnapshot, tableEvents } from "./committers";
import { openIceberg } from "./page-table";

export interface SchemaColumn {
  fieldId: number;
  /** Dotted path ("address.city", "tags.element"). */
  path: string;
  name: string;
  /** Nesting depth: 0 for top-level columns. */
  depth: number;
  /** Primitive type, or "struct" / "list" / "map" for nested ones (their children follow). */
  type: string;
  required: boolean;
  doc: string | null;
}

export interface SchemaVersion {
  schemaId: number;
  current: boolean;
  schema: Schema;
  /** Every field, depth first: a field comes before its children. */
  columns: SchemaColumn[];
  /** The first snapshot written with this schema, if any was. */
  firstSnapshot: { snapshotId: string; at: Date } | null;
}

export async function schemaHistory(
  ctx: CatalogContext,
  ident: TableIdent,
): Promise<SchemaVersion[]> {
  const { metadata } = await openIceberg(ctx, ident);
  const firstUse = new Map<number, Snapshot>();
  for (const snapshot of [...metadata.snapshots].sort(
    (a, b) => a.sequenceNumber - b.sequenceNumber || a.timestampMs - b.timestampMs,
  )) {
    if (snapshot.schemaId !== undefined && !firstUse.has(snapshot.schemaId))
      firstUse.set(snapshot.schemaId, snapshot);
  }
  return [...metadata.schemas]
    .sort((a, b) => b.schemaId - a.schemaId)
    .map((schema) => {
      const first = firstUse.get(schema.schemaId);
      return {
        schemaId: schema.schemaId,
        current: schema.schemaId === metadata.currentSchemaId,
        schema,
        columns: schemaColumns(schema),
        firstSnapshot: first
          ? { snapshotId: first.snapshotId.toString(), at: new Date(first.timestampMs) }
          : null,
      };
    });
}

export function schemaColumns(schema: Schema): SchemaColumn[] {
  return allFields(schema).map((f) => ({
    fieldId: f.id,
    path: f.fullName,
    name: f.name,
    depth: f.fullName.split(".").length - 1,
    type: nestedKind(f.type) ?? typeToString(f.type),
    required: f.required,
    doc: f.field?.doc ?? null,
  }));
}

function nestedKind(type: IcebergType): string | null {
  return typeof type === "string" ? null : type.type;
}

export interface FileCounts {
  dataFiles: number | null;
  deleteFiles: number | null;
  records: number | null;
  bytes: number | null;
}

export interface SnapshotEntry {
  snapshotId: string;
  parentId: string | null;
  sequenceNumber: number;
  at: Date;
  operation: string;
  schemaId: number | null;
  added: FileCounts;
  removed: FileCounts;
  totalRecords: number | null;
  /** The summary as written, for everything else. */
  summary: Record<string, string>;
  refs: { name: string; type: "branch" | "tag" }[];
  current: boolean;
  /** Who committed it through Tarn (audit log), when Tarn saw it. */
  committedBy: string | null;
  /** The engine that wrote it, when its summary says (Spark, Flink, Trino…). */
  engine: string | null;
}

export async function snapshotTimeline(
  ctx: CatalogContext,
  ident: TableIdent,
): Promise<SnapshotEntry[]> {
  const { metadata, row } = await openIceberg(ctx, ident);
  const committers = committersBySnapshot(await tableEvents(ctx.db, row.id));
  return [...metadata.snapshots]
    .sort((a, b) => b.timestampMs - a.timestampMs || b.sequenceNumber - a.sequenceNumber)
    .map((s) => snapshotEntry(metadata, s, committers.get(s.snapshotId.toString())?.by ?? null));
}

function snapshotEntry(
  metadata: TableMetadata,
  s: Snapshot,
  committedBy: string | null,
): SnapshotEntry {
  const n = (key: string) => (s.summary[key] === undefined ? null : Number(s.summary[key]));
  const { operation, ...rest } = s.summary;
  return {
    snapshotId: s.snapshotId.toString(),
    parentId: s.parentSnapshotId?.toString() ?? null,
    sequenceNumber: s.sequenceNumber,
    at: new Date(s.timestampMs),
    operation,
    schemaId: s.schemaId ?? null,
    added: {
      dataFiles: n("added-data-files"),
      deleteFiles: n("added-delete-files"),
      records: n("added-records"),
      bytes: n("added-files-size"),
    },
    removed: {
      dataFiles: n("deleted-data-files"),
      deleteFiles: n("removed-delete-files"),
      records: n("deleted-records"),
      bytes: n("removed-files-size"),
    },
    totalRecords: n("total-records"),
    summary: { operation, ...rest },
    refs: Object.entries(metadata.refs)
      .filter(([, ref]) => ref.snapshotId === s.snapshotId)
      .map(([name, ref]) => ({ name, type: ref.type }))
      .sort((a, b) => (a.name < b.name ? -1 : 1)),
    current: metadata.currentSnapshotId === s.snapshotId,
    committedBy,
    engine: s.summary["engine-name"] ?? s.summary["app-id"] ?? null,
  };
}
