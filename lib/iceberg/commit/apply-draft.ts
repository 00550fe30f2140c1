/**
 * The metadata being built while a commit's updates apply, plus what Java's
 * `TableMetadata.Builder` remembers along the way: the schema, spec and sort order
 * added last (for `-1`), the snapshots added, and which of them main pointed at.
 *
 * `meta` is a private copy: its lists and maps are fresh, the schemas, specs and
 * snapshots in them are the base's own objects, never mutated, only replaced.
 */
import type { FormatVersion, TableMetadata } from "../spec";
import { CommitValidationError } from "./errors";

export class MetadataDraft {
  readonly meta: TableMetadata;
  /** Whether any update changed something; an unchanged commit returns the base itself. */
  changed = false;
  lastAddedSchemaId?: number;
  lastAddedSpecId?: number;
  lastAddedSortOrderId?: number;
  readonly addedSnapshotIds = new Set<bigint>();
  /** Snapshots added by this commit that main was set to, in order (see finish.ts). */
  readonly addedSnapshotsSetOnMain: bigint[] = [];
  /** Set by snapshot updates, as Java does; `now` otherwise. */
  lastUpdatedMs?: number;
  /** The update being applied, for error messages (`updates[3]`). */
  path = "";

  constructor(
    readonly base: TableMetadata | null,
    readonly now: number,
    formatVersion: FormatVersion,
  ) {
    this.meta = base ? copyMetadata(base) : emptyMetadata(formatVersion, now);
  }

  get formatVersion(): FormatVersion {
    return this.meta.formatVersion;
  }

  fail(problem: string): never {
    throw new CommitValidationError(problem, this.path);
  }
}

function copyMetadata(base: TableMetadata): TableMetadata {
  const meta: TableMetadata = {
    ...base,
    schemas: [...base.schemas],
    partitionSpecs: [...base.partitionSpecs],
    sortOrders: [...base.sortOrders],
    properties: { ...base.properties },
    snapshots: [...base.snapshots],
    snapshotLog: [...base.snapshotLog],
    metadataLog: [...base.metadataLog],
    refs: { ...base.refs },
    statistics: [...base.statistics],
    partitionStatistics: [...base.partitionStatistics],
  };
  if (base.encryptionKeys) meta.encryptionKeys = [...base.encryptionKeys];
  return meta;
}

/**
 * What Java's `TableMetadata.buildFromEmpty` starts from: no schema, spec or order yet
 * (ids -1), partition field ids to be assigned from 1000, no uuid or location.
 */
function emptyMetadata(formatVersion: FormatVersion, now: number): TableMetadata {
  const meta: TableMetadata = {
    formatVersion,
    tableUuid: "",
    location: "",
    lastSequenceNumber: 0,
    lastUpdatedMs: now,
    lastColumnId: 0,
    schemas: [],
    currentSchemaId: -1,
    partitionSpecs: [],
    defaultSpecId: -1,
    lastPartitionId: 999,
    properties: {},
    snapshots: [],
    snapshotLog: [],
    metadataLog: [],
    sortOrders: [],
    defaultSortOrderId: -1,
    refs: {},
    statistics: [],
    partitionStatistics: [],
  };
  if (formatVersion >= 3) meta.nextRowId = 0;
  return meta;
}
