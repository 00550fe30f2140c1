/**
 * Changing a table's definition and history: schema and partition evolution, properties,
 * tags, branches and rollback, snapshot expiry. Each change is an intent run against the
 * table's metadata at commit time — after a lost race it is rebuilt on the fresh metadata.
 */
import { requireAuthorized } from "@/lib/access";
import { AppError } from "@/lib/errors";
import {
  CommitValidationError,
  filesToDeleteAfterExpiry,
  ManageSnapshots,
  type ManifestFileLister,
  planSnapshotExpiry,
  type TableCommit,
  UpdatePartitionSpec,
  UpdateSchema,
} from "@/lib/iceberg/commit";
import type { FileIO } from "@/lib/iceberg/io";
import { readManifest, readManifestList } from "@/lib/iceberg/manifest";
import type { Snapshot, TableMetadata } from "@/lib/iceberg/spec";
import { type CommitResult, commitTable } from "./commit";
import type { CatalogContext } from "./context";
import { type TableIdent, tableResource } from "./identifiers";
import { displayName } from "./names";
import { validateProperties } from "./properties";
import { findTableRow } from "./table-rows";

type Change = (metadata: TableMetadata) => TableCommit;

async function change(ctx: CatalogContext, ident: TableIdent, description: string, build: Change): Promise<CommitResult> {
  requireAuthorized(ctx.actor, "table.alter", tableResource(ident));
  return commitTable(
    ctx,
    ident,
    ({ metadata }) => {
      try {
        return build(metadata);
      } catch (error) {
        if (error instanceof CommitValidationError) throw new AppError("bad_request", `Cannot change ${displayName(ident.namespace, ident.name)}: ${error.message}.`, { cause: error });
        throw error;
      }
    },
    { description, operation: "table.alter" },
  );
}

/** `alterSchema(ctx, t, (s) => s.addColumn("email", "string").renameColumn("nm", "name"))` */
export function alterSchema(ctx: CatalogContext, ident: TableIdent, edit: (update: UpdateSchema) => UpdateSchema) {
  return change(ctx, ident, "schema change", (metadata) => {
    const { requirements, updates } = edit(new UpdateSchema(metadata)).commit();
    return { requirements, updates };
  });
}

/** `alterPartitioning(ctx, t, (p) => p.addField("ts", "day").removeField("region"))` */
export function alterPartitioning(ctx: CatalogContext, ident: TableIdent, edit: (update: UpdatePartitionSpec) => UpdatePartitionSpec) {
  return change(ctx, ident, "partitioning change", (metadata) => {
    const { requirements, updates } = edit(new UpdatePartitionSpec(metadata)).commit();
    return { requirements, updates };
  });
}

/** Tags, branches, rollback: `manageSnapshots(ctx, t, (m) => m.createTag("q1", id))` */
export function manageSnapshots(ctx: CatalogContext, ident: TableIdent, edit: (manage: ManageSnapshots) => ManageSnapshots) {
  return change(ctx, ident, "snapshot references", (metadata) => edit(new ManageSnapshots(metadata)).commit());
}

export function setTableProperties(ctx: CatalogContext, ident: TableIdent, props: { updates?: Record<string, string>; removals?: string[] }) {
  const updates = validateProperties(props.updates);
  return change(ctx, ident, "properties", () => ({
    requirements: [],
    updates: [
      ...(Object.keys(updates).length ? [{ action: "set-properties" as const, updates }] : []),
      ...(props.removals?.length ? [{ action: "remove-properties" as const, removals: props.removals }] : []),
    ],
  }));
}

export interface ExpireResult {
  expiredSnapshots: number;
  deletedFiles: number;
}

/**
 * Expires snapshots older than `olderThanMs` (keeping `retainLast` per branch and all that
 * tags and branch retention need), then deletes the files only they reached. Tables
 * registered in place keep their files: Tarn does not own them.
 */
export async function expireSnapshots(ctx: CatalogContext, ident: TableIdent, opts: { olderThanMs?: number; retainLast?: number; now?: number } = {}): Promise<ExpireResult> {
  requireAuthorized(ctx.actor, "table.alter", tableResource(ident));
  const now = opts.now ?? Date.now();
  let before: TableMetadata | undefined;
  let removed = 0;
  const result = await change(ctx, ident, "expire snapshots", (metadata) => {
    before = metadata;
    const plan = planSnapshotExpiry(metadata, { now, olderThanMs: opts.olderThanMs, retainLast: opts.retainLast });
    removed = plan.snapshotIdsToRemove.length;
    return { requirements: plan.requirements, updates: plan.updates };
  });
  const row = await findTableRow(ctx.db, ident);
  if (!before || removed === 0 || !row.managed) return { expiredSnapshots: removed, deletedFiles: 0 };
  const doomed = await filesToDeleteAfterExpiry(before, result.metadata, manifestLister(ctx.io, before));
  const files = [...doomed.contentFiles, ...doomed.manifests, ...doomed.manifestLists, ...doomed.statisticsFiles];
  await Promise.all(files.map((file) => ctx.io.delete(file)));
  return { expiredSnapshots: removed, deletedFiles: files.length };
}

function manifestLister(io: FileIO, metadata: TableMetadata): ManifestFileLister {
  return {
    async manifestsOf(snapshot: Snapshot) {
      if (!snapshot.manifestList) return snapshot.manifests ?? [];
      return readManifestList(await io.read(snapshot.manifestList), metadata.formatVersion).manifests.map((m) => m.path);
    },
    async filesOf(manifestPath: string) {
      return readManifest(await io.read(manifestPath)).entries.map((e) => e.dataFile.filePath);
    },
  };
}
