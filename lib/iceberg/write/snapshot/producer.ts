/**
 * Builds a snapshot commit from a recorded plan, against whatever metadata is current.
 *
 * The plan is what an operation decided once, at prepare time: data and delete files it
 * wrote, data files it removes. `build(fresh)` turns it into manifests, a manifest list
 * and a `TableCommit` on top of the branch head of `fresh`; when the catalog loses a
 * compare-and-swap it calls `build` again with newer metadata, and only manifests are
 * redone: the data files stay, the snapshot id stays (so the manifest of added files,
 * whose entries inherit everything else, is written once), files to remove are looked
 * up again in the new head's manifests, and the operation's `validate` hook checks the
 * snapshots committed in between.
 */

import type { TableCommit } from "../../commit/types";
import { joinLocation } from "../../io";
import type { FileIO } from "../../io/types";
import { type ManifestFile, type ManifestFileToWrite, writeManifestList } from "../../manifest";
import { snapshotById, snapshotForRef } from "../../spec";
import type { Snapshot, SnapshotSummary, TableMetadata } from "../../spec/types";
import { WriteConflictError, WriteError } from "../errors";
import { ManifestReader } from "../table/manifest-reader";
import {
  type AddedFiles,
  type RewrittenManifest,
  rewriteManifest,
  writeAddedManifest,
} from "./manifest-files";
import { type SpecFile, snapshotSummary } from "./summary";
import { commitFor } from "./table-commit";

export interface SnapshotPlan {
  operation: SnapshotSummary["operation"];
  addedData: AddedFiles[];
  addedDeletes: AddedFiles[];
  /** Paths of live data files this snapshot marks DELETED. */
  removeDataPaths: ReadonlySet<string>;
  /** Throws `WriteConflictError` when a snapshot committed since the base invalidates the plan. */
  validate?: (check: ValidationInput) => Promise<void>;
}

export interface ValidationInput {
  fresh: TableMetadata;
  head: Snapshot | undefined;
  reader: ManifestReader;
}

export interface ProducerInput {
  io: FileIO;
  /** The metadata the operation was prepared against. */
  base: TableMetadata;
  branch: string;
  operationId: string;
  snapshotId: bigint;
  plan: SnapshotPlan;
}

export class SnapshotProducer {
  private attempt = 0;
  private manifestCount = 0;
  private added?: Promise<ManifestFileToWrite[]>;
  private readonly rewritten = new Map<string, Promise<RewrittenManifest | null>>();
  /** Metadata files (manifests, lists) this producer wrote, and what each attempt used. */
  private readonly written = new Set<string>();
  private readonly used = new Map<string, string[]>();
  readonly reader: ManifestReader;

  constructor(private readonly input: ProducerInput) {
    this.reader = new ManifestReader(input.io, input.base.formatVersion);
  }

  get snapshotId(): bigint {
    return this.input.snapshotId;
  }

  async build(fresh: TableMetadata): Promise<TableCommit> {
    this.attempt++;
    checkFresh(fresh, this.input);
    const head = snapshotForRef(fresh, this.input.branch);
    await this.input.plan.validate?.({ fresh, head, reader: this.reader });
    const parents = await this.reader.manifestFiles(head);
    const { rows: rewrittenRows, removed, replaced } = await this.removeFiles(fresh, parents);
    const kept = parents.filter((m) => !replaced.has(m.path) && mayHoldLiveFiles(m));
    const manifests = [...(await this.addedManifests(fresh)), ...rewrittenRows, ...kept];
    const snapshot = await this.writeSnapshot(fresh, head, manifests, removed);
    return commitFor(fresh, this.input.branch, head, snapshot);
  }

  /**
   * Writes the manifests of the added files ahead of `build`, which reuses them: callers
   * do it before taking the table's commit lock, so commits on one table hold the lock
   * only for the manifest list and metadata file. A failure here is left for `build` to
   * retry.
   */
  async writeAddedManifests(): Promise<void> {
    await this.addedManifests(this.input.base).catch(() => {});
  }

  /** Metadata files written by attempts other than the one `committed` holds (all, if none). */
  uncommittedFiles(committed?: TableMetadata): string[] {
    const snapshot = committed ? snapshotById(committed, this.snapshotId) : undefined;
    const keep = new Set(
      snapshot?.manifestList ? (this.used.get(snapshot.manifestList) ?? []) : [],
    );
    return [...this.written].filter((file) => !keep.has(file));
  }

  private addedManifests(fresh: TableMetadata): Promise<ManifestFileToWrite[]> {
    this.added ??= (async () => {
      const rows: ManifestFileToWrite[] = [];
      for (const added of [...this.input.plan.addedData, ...this.input.plan.addedDeletes]) {
        if (added.files.length === 0) continue;
        rows.push(await writeAddedManifest(this.target(fresh), added));
      }
      return rows;
    })();
    this.added.catch(() => {
      this.added = undefined;
    });
    return this.added;
  }

  private async removeFiles(fresh: TableMetadata, parents: ManifestFile[]) {
    const paths = this.input.plan.removeDataPaths;
    const rows: ManifestFileToWrite[] = [];
    const removed: SpecFile[] = [];
    const replaced = new Set<string>();
    if (paths.size === 0) return { rows, removed, replaced };
    for (const manifest of parents.filter((m) => m.content === "data" && mayHoldLiveFiles(m))) {
      let rewrite = this.rewritten.get(manifest.path);
      if (!rewrite) {
        rewrite = rewriteManifest(() => this.target(fresh), this.reader, manifest, paths, fresh);
        this.rewritten.set(manifest.path, rewrite);
        rewrite.catch(() => this.rewritten.delete(manifest.path));
      }
      const result = await rewrite;
      if (!result) continue;
      rows.push(result.row);
      removed.push(...result.removed);
      replaced.add(manifest.path);
    }
    checkAllFound(paths, removed);
    return { rows, removed, replaced };
  }

  private target(fresh: TableMetadata) {
    const location = joinLocation(
      metadataFolder(fresh),
      `${this.input.operationId}-m${this.manifestCount++}.avro`,
    );
    this.written.add(location);
    return {
      io: this.input.io,
      formatVersion: fresh.formatVersion,
      snapshotId: this.snapshotId,
      location,
    };
  }

  private async writeSnapshot(
    fresh: TableMetadata,
    head: Snapshot | undefined,
    manifests: ManifestFileToWrite[],
    removed: SpecFile[],
  ): Promise<Snapshot> {
    const sequenceNumber = fresh.formatVersion >= 2 ? fresh.lastSequenceNumber + 1 : 0;
    const listLocation = joinLocation(
      metadataFolder(fresh),
      `snap-${this.snapshotId}-${this.attempt}-${this.input.operationId}.avro`,
    );
    const bytes = writeManifestList({
      formatVersion: fresh.formatVersion,
      snapshotId: this.snapshotId,
      ...(head ? { parentSnapshotId: head.snapshotId } : {}),
      sequenceNumber,
      manifests,
    });
    this.written.add(listLocation);
    await this.input.io.writeNew(listLocation, bytes);
    this.used.set(listLocation, [listLocation, ...manifests.map((m) => m.path)]);
    return {
      snapshotId: this.snapshotId,
      ...(head ? { parentSnapshotId: head.snapshotId } : {}),
      sequenceNumber,
      timestampMs: Math.max(Date.now(), fresh.lastUpdatedMs),
      manifestList: listLocation,
      summary: snapshotSummary(this.input.plan.operation, this.changes(removed), head),
      schemaId: fresh.currentSchemaId,
    };
  }

  private changes(removed: SpecFile[]) {
    const specFiles = (groups: AddedFiles[]) =>
      groups.flatMap((g) => g.files.map((file) => ({ specId: g.spec.specId, file })));
    return {
      addedDataFiles: specFiles(this.input.plan.addedData),
      addedDeleteFiles: specFiles(this.input.plan.addedDeletes),
      removedDataFiles: removed,
      removedDeleteFiles: [],
    };
  }
}

function metadataFolder(metadata: TableMetadata): string {
  return metadata.properties["write.metadata.path"] ?? joinLocation(metadata.location, "metadata");
}

/** A manifest whose files were all deleted earlier is not carried into new snapshots. */
function mayHoldLiveFiles(manifest: ManifestFile): boolean {
  if (manifest.addedFilesCount === undefined || manifest.existingFilesCount === undefined)
    return true;
  return manifest.addedFilesCount + manifest.existingFilesCount > 0;
}

function checkFresh(fresh: TableMetadata, input: ProducerInput): void {
  if (fresh.formatVersion !== 1 && fresh.formatVersion !== 2) {
    throw new WriteError(
      "unsupported",
      `Writing format v${fresh.formatVersion} tables is not supported yet`,
    );
  }
  if (fresh.tableUuid !== input.base.tableUuid) {
    throw new WriteConflictError("The table was replaced by another one", false, {
      expected: input.base.tableUuid,
      actual: fresh.tableUuid,
    });
  }
  if (snapshotById(fresh, input.snapshotId)) {
    throw new WriteConflictError(`Snapshot ${input.snapshotId} is already committed`, false);
  }
}

function checkAllFound(paths: ReadonlySet<string>, removed: SpecFile[]): void {
  const found = new Set(removed.map((r) => r.file.filePath));
  const missing = [...paths].filter((p) => !found.has(p));
  if (missing.length > 0) {
    throw new WriteConflictError(
      `A concurrent commit removed ${missing.length} file(s) this operation replaces, e.g. ${missing[0]}`,
      false,
      { missing },
    );
  }
}
