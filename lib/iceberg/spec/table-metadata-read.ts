/**
 * JSON value → `TableMetadata` for format versions 1, 2 and 3.
 *
 * Order of work: the format version decides which fields are required; all missing
 * ones are reported together; then each section is read with its own checks; finally
 * `validateTableMetadata` checks that the ids the sections point at exist.
 */
import { IcebergValidationError } from "./errors";
import type { JsonValue } from "./json";
import { isUuid, ObjectReader } from "./json-reader";
import { readPartitionSpec, readSortOrder } from "./partition-json";
import { readSchema } from "./schema-json";
import {
  readEncryptionKey,
  readMetadataLogEntry,
  readPartitionStatisticsFile,
  readRef,
  readSnapshot,
  readSnapshotLogEntry,
  readStatisticsFile,
} from "./snapshot-json";
import { validateTableMetadata } from "./table-metadata-validate";
import {
  NIL_UUID,
  readV1PartitionSpecs,
  readV1Schemas,
  readV1SortOrders,
} from "./table-metadata-v1";
import type { FormatVersion, Snapshot, SnapshotRef, TableMetadata } from "./types";
import { MAIN_BRANCH } from "./types";

export const SUPPORTED_FORMAT_VERSIONS: readonly FormatVersion[] = [1, 2, 3];

const REQUIRED_V1 = ["format-version", "location", "last-updated-ms", "last-column-id"];
const REQUIRED_V2 = [
  "format-version",
  "table-uuid",
  "location",
  "last-sequence-number",
  "last-updated-ms",
  "last-column-id",
  "schemas",
  "current-schema-id",
  "partition-specs",
  "default-spec-id",
  "last-partition-id",
  "sort-orders",
  "default-sort-order-id",
];
// v3 also requires next-row-id, but it is derivable (see readNextRowId), and some v3
// writers leave it out of a table without snapshots.
const REQUIRED: Record<FormatVersion, string[]> = {
  1: REQUIRED_V1,
  2: REQUIRED_V2,
  3: REQUIRED_V2,
};

export function readTableMetadata(value: JsonValue): TableMetadata {
  const root = ObjectReader.of(value, "");
  const formatVersion = readFormatVersion(root);
  checkRequiredFields(root, formatVersion);
  const v1 = formatVersion === 1;
  const currentSnapshotId = readCurrentSnapshotId(root);
  const meta: TableMetadata = {
    formatVersion,
    tableUuid: readUuid(root, v1),
    location: root.string("location"),
    lastSequenceNumber: v1 ? 0 : root.int("last-sequence-number"),
    lastUpdatedMs: root.int("last-updated-ms"),
    lastColumnId: root.int("last-column-id"),
    ...(v1 ? readV1Schemas(root) : readSchemas(root, formatVersion)),
    ...(v1 ? readV1PartitionSpecs(root) : readPartitionSpecs(root)),
    ...(v1 ? readV1SortOrders(root) : readSortOrders(root)),
    properties: root.optionalStringMap("properties") ?? {},
    ...(currentSnapshotId === undefined ? {} : { currentSnapshotId }),
    snapshots:
      root.optionalList("snapshots", (item, path) => readSnapshot(item, path, formatVersion)) ?? [],
    snapshotLog: root.optionalList("snapshot-log", readSnapshotLogEntry) ?? [],
    metadataLog: root.optionalList("metadata-log", readMetadataLogEntry) ?? [],
    refs: readRefs(root, currentSnapshotId),
    statistics: root.optionalList("statistics", readStatisticsFile) ?? [],
    partitionStatistics:
      root.optionalList("partition-statistics", readPartitionStatisticsFile) ?? [],
  };
  if (formatVersion >= 3) meta.nextRowId = readNextRowId(root, meta.snapshots);
  const encryptionKeys = root.optionalList("encryption-keys", readEncryptionKey);
  if (encryptionKeys !== undefined) meta.encryptionKeys = encryptionKeys;
  validateTableMetadata(meta);
  return meta;
}

function readFormatVersion(root: ObjectReader): FormatVersion {
  const version = root.int("format-version");
  if (!SUPPORTED_FORMAT_VERSIONS.includes(version as FormatVersion)) {
    throw new IcebergValidationError(
      "format-version",
      `unsupported format version ${version} (supported: ${SUPPORTED_FORMAT_VERSIONS.join(", ")})`,
    );
  }
  return version as FormatVersion;
}

function checkRequiredFields(root: ObjectReader, formatVersion: FormatVersion): void {
  const missing = REQUIRED[formatVersion].filter((key) => !root.has(key));
  if (missing.length === 0) return;
  const list = missing.join(", ");
  const noun = missing.length === 1 ? "field" : "fields";
  throw new IcebergValidationError(
    missing[0],
    `missing required ${noun} for format v${formatVersion}: ${list}`,
  );
}

function readUuid(root: ObjectReader, v1: boolean): string {
  const uuid = v1 ? (root.optionalString("table-uuid") ?? NIL_UUID) : root.string("table-uuid");
  if (!isUuid(uuid)) throw new IcebergValidationError("table-uuid", `not a UUID: "${uuid}"`);
  return uuid;
}

function readSchemas(root: ObjectReader, formatVersion: FormatVersion) {
  const schemas = root.list("schemas", (item, path) => readSchema(item, path, { formatVersion }));
  return { schemas, currentSchemaId: root.int("current-schema-id") };
}

function readPartitionSpecs(root: ObjectReader) {
  const options = { fieldIdsOptional: false };
  return {
    partitionSpecs: root.list("partition-specs", (item, path) =>
      readPartitionSpec(item, path, options),
    ),
    defaultSpecId: root.int("default-spec-id"),
    lastPartitionId: root.int("last-partition-id"),
  };
}

function readSortOrders(root: ObjectReader) {
  return {
    sortOrders: root.list("sort-orders", readSortOrder),
    defaultSortOrderId: root.int("default-sort-order-id"),
  };
}

/**
 * next-row-id is "higher than all assigned row IDs"; when a v3 file omits it, the lowest
 * such value is the end of the highest row-id range any snapshot assigned (0 for none).
 */
function readNextRowId(root: ObjectReader, snapshots: Snapshot[]): number {
  const given = root.optionalInt("next-row-id");
  if (given !== undefined) return given;
  const ends = snapshots.map((s) => (s.firstRowId ?? 0) + (s.addedRows ?? 0));
  return Math.max(0, ...ends);
}

/** Writers before v3 record "no current snapshot" as -1; newer ones as null or nothing. */
function readCurrentSnapshotId(root: ObjectReader): bigint | undefined {
  const id = root.optionalLong("current-snapshot-id");
  return id === -1n ? undefined : id;
}

/**
 * "There is always a main branch reference pointing to the current-snapshot-id even if
 * the refs map is null" (spec): when the file leaves it implicit, the model spells it out.
 */
function readRefs(
  root: ObjectReader,
  currentSnapshotId: bigint | undefined,
): Record<string, SnapshotRef> {
  let refs: Record<string, SnapshotRef> = {};
  if (root.has("refs")) {
    const map = root.object("refs");
    const entries = Object.entries(map.json).filter(([, value]) => value !== null);
    refs = Object.fromEntries(
      entries.map(([name, value]) => [name, readRef(value, map.pathOf(name))]),
    );
  }
  if (currentSnapshotId === undefined || refs[MAIN_BRANCH]) return refs;
  return { [MAIN_BRANCH]: { snapshotId: currentSnapshotId, type: "branch" }, ...refs };
}
