/**
 * Scan planning: the data files of one snapshot that may hold rows matching a filter, each
 * with the delete files that apply to it.
 *
 * Manifests are pruned with their partition summaries, read in parallel (bounded), and
 * their live entries pruned by partition values and column metrics. Delete files are
 * attached by the spec's rules (delete-index.ts); deletion vectors are decoded here so
 * that turning the plan into SQL needs no I/O.
 */
import type { UnboundExpr } from "../expr";
import type { FileIO } from "../io";
import type { ManifestFile, ResolvedManifestEntry } from "../manifest";
import type { PartitionSpec, Snapshot, TableMetadata } from "../spec";
import { selectColumns } from "./columns";
import { DeleteIndex } from "./delete-index";
import { readDeletionVector } from "./deletion-vector";
import { ScanError } from "./errors";
import { attachFileSchemas, needsFileSchemas } from "./file-schemas";
import type { LoadedTable } from "./load-table";
import { type ManifestSource, readManifestEntries, snapshotManifests } from "./manifests";
import { nameMappingOf } from "./name-mapping";
import { mapLimit } from "./parallel";
import { Pruner } from "./prune";
import { type SnapshotSelector, selectSnapshot } from "./select-snapshot";
import type { PlannedFile, ScanPlan, ScanStats, ScanTask } from "./types";

export interface PlanScanInput {
  io: FileIO;
  metadata: TableMetadata;
  /** Maps recorded paths to readable ones; paths are used as recorded without one. */
  resolver?: { resolve(recorded: string): Promise<string> };
  snapshot?: SnapshotSelector;
  /** Prunes files; rows of kept files are not filtered (see `ScanTask.residual`). */
  filter?: UnboundExpr;
  /** Top-level column names the relation yields; every column when absent. */
  columns?: string[];
  caseSensitive?: boolean;
  /** Manifests and files read at once (default 8). */
  concurrency?: number;
  /** Accept deletion vectors written as bare blobs, without a Puffin container. */
  allowBareDeletionVectors?: boolean;
}

export async function planScan(input: PlanScanInput): Promise<ScanPlan> {
  const { metadata } = input;
  const { snapshot, schema } = selectSnapshot(metadata, input.snapshot);
  const columns = selectColumns(schema, input.columns, input.caseSensitive);
  const nameMapping = nameMappingOf(metadata.properties);
  const base = { metadata, snapshot, schema, columns, ...(nameMapping ? { nameMapping } : {}) };
  if (!snapshot) return { ...base, tasks: [], stats: emptyStats() };
  const specs = new Map<number, PartitionSpec>(metadata.partitionSpecs.map((s) => [s.specId, s]));
  const pruner = new Pruner(schema, input.filter, specs, {
    caseSensitive: input.caseSensitive,
    useMetrics: nameMapping === undefined,
  });
  const context: PlanContext = { input, specs, pruner, stats: emptyStats() };
  const { dataFiles, deleteFiles } = await collectFiles(context, snapshot);
  const tasks = await buildTasks(context, dataFiles, deleteFiles);
  const plan: ScanPlan = { ...base, tasks, stats: context.stats };
  if (needsFileSchemas(plan)) await attachFileSchemas(input.io, plan, concurrencyOf(input));
  return plan;
}

/** `planScan` for a table loaded with `loadTable`/`openTable`. */
export function planTableScan(
  table: LoadedTable,
  options: Omit<PlanScanInput, "io" | "metadata" | "resolver"> = {},
): Promise<ScanPlan> {
  return planScan({ ...options, io: table.io, metadata: table.metadata, resolver: table.resolver });
}

interface PlanContext {
  input: PlanScanInput;
  specs: Map<number, PartitionSpec>;
  pruner: Pruner;
  stats: ScanStats;
}

async function collectFiles(context: PlanContext, snapshot: Snapshot) {
  const { input, pruner, stats } = context;
  const source: ManifestSource = {
    io: input.io,
    resolve: (recorded) =>
      input.resolver ? input.resolver.resolve(recorded) : Promise.resolve(recorded),
    formatVersion: input.metadata.formatVersion,
  };
  const all = await snapshotManifests(source, snapshot);
  const kept = all.filter((manifest) => pruner.manifestMightMatch(manifest));
  stats.manifests = all.length;
  stats.manifestsSkipped = all.length - kept.length;
  const read = await mapLimit(kept, concurrencyOf(input), (m) => readManifestEntries(source, m));
  const live = read.flatMap(({ manifest, entries }) =>
    entries
      .filter((e) => e.status !== "deleted" && keepEntry(context, manifest, e))
      .map((entry) => ({ manifest, entry })),
  );
  const files = await plannedFiles(source, input, live);
  return {
    dataFiles: files.filter((f) => f.content === "data"),
    deleteFiles: files.filter((f) => f.content !== "data"),
  };
}

/** False when pruning skips the entry's file (counted in the stats). */
function keepEntry(
  { pruner, stats }: PlanContext,
  manifest: ManifestFile,
  entry: ResolvedManifestEntry,
): boolean {
  const file = entry.dataFile;
  const specId = manifest.partitionSpecId;
  if (file.content !== "data") return pruner.partitionMightMatch(file, specId);
  stats.dataFiles++;
  if (pruner.dataFileMightMatch(file, specId)) return true;
  stats.dataFilesSkipped++;
  stats.recordsSkipped += Math.max(0, file.recordCount);
  return false;
}

// Files of cached manifests read as recorded, per FileIO: planning a big table again
// copies no file records (what later steps add to one — its footer's schema, its
// deletion vector — is the file's own, the same for every scan).
const asRecorded = new WeakMap<FileIO, WeakMap<ResolvedManifestEntry, PlannedFile>>();

/**
 * Resolving a path may look at the disk (moved tables): in parallel, bounded. Paths used
 * as recorded need no promise per file — 10,000 of them cost more than the rest of planning.
 */
async function plannedFiles(
  source: ManifestSource,
  input: PlanScanInput,
  live: { manifest: ManifestFile; entry: ResolvedManifestEntry }[],
): Promise<PlannedFile[]> {
  if (!input.resolver) {
    let planned = asRecorded.get(source.io);
    if (!planned) {
      planned = new WeakMap();
      asRecorded.set(source.io, planned);
    }
    const cache = planned;
    return live.map(({ manifest, entry }) => {
      let file = cache.get(entry);
      if (!file) {
        file = plannedFile(source, manifest, entry, entry.dataFile.filePath);
        cache.set(entry, file);
      }
      return file;
    });
  }
  return mapLimit(live, concurrencyOf(input), async ({ manifest, entry }) =>
    plannedFile(source, manifest, entry, await source.resolve(entry.dataFile.filePath)),
  );
}

function plannedFile(
  source: ManifestSource,
  manifest: ManifestFile,
  entry: ResolvedManifestEntry,
  location: string,
): PlannedFile {
  return {
    ...entry.dataFile,
    dataSequenceNumber: entry.sequenceNumber,
    specId: manifest.partitionSpecId,
    location,
    localPath: source.io.localPath(location),
  };
}

async function buildTasks(
  context: PlanContext,
  dataFiles: PlannedFile[],
  deleteFiles: PlannedFile[],
): Promise<ScanTask[]> {
  const index = new DeleteIndex(deleteFiles, context.specs);
  const residual = context.pruner.bound;
  const tasks = dataFiles.map((dataFile): ScanTask => {
    requireParquet(dataFile);
    return {
      dataFile,
      deletes: index.forDataFile(dataFile),
      ...(residual ? { residual } : {}),
    };
  });
  const used = new Set(
    tasks.flatMap((t) => [...t.deletes.positionDeletes, ...t.deletes.equalityDeletes]),
  );
  await decodeDeletionVectors(context, [...used]);
  for (const file of used) if (file.fileFormat !== "puffin") requireParquet(file);
  context.stats.deleteFiles = used.size;
  context.stats.records = dataFiles.reduce((sum, f) => sum + Math.max(0, f.recordCount), 0);
  return tasks;
}

async function decodeDeletionVectors(context: PlanContext, files: PlannedFile[]): Promise<void> {
  const vectors = files.filter((file) => file.fileFormat === "puffin");
  const options = { allowBareBlobs: context.input.allowBareDeletionVectors };
  await mapLimit(vectors, concurrencyOf(context.input), async (file) => {
    file.deletedRuns = await readDeletionVector(context.input.io, file, options);
  });
}

function requireParquet(file: PlannedFile): void {
  if (file.fileFormat !== "parquet") {
    throw new ScanError(
      "unsupported",
      `${file.filePath} is a ${file.fileFormat.toUpperCase()} file; Tarn reads Parquet data and delete files only.`,
      { file: file.filePath },
    );
  }
}

function concurrencyOf(input: PlanScanInput): number {
  return input.concurrency ?? 8;
}

/** Figures of a scan that has read nothing yet. */
export function emptyStats(): ScanStats {
  return {
    manifests: 0,
    manifestsSkipped: 0,
    dataFiles: 0,
    dataFilesSkipped: 0,
    recordsSkipped: 0,
    deleteFiles: 0,
    records: 0,
  };
}
