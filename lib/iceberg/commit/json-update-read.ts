/**
 * REST `TableUpdate` JSON → model. Nested pieces (schemas, specs, sort orders,
 * snapshots, refs, statistics, keys) go through the spec module's codecs, given the
 * full path so their errors name the field (`updates[1].schema.fields[0].type`).
 *
 * Pieces are read without a table format version (it is not known yet); the update
 * is checked against the table's version when it applies.
 */
import {
  type FormatVersion,
  type JsonObject,
  type JsonValue,
  readEncryptionKey,
  readPartitionSpec,
  readPartitionStatisticsFile,
  readRef,
  readSchema,
  readSnapshot,
  readSortOrder,
  readStatisticsFile,
  SUPPORTED_FORMAT_VERSIONS,
} from "../spec";
import { asInt, asLong, asString, isJsonObject, ObjectReader } from "../spec/json-reader";
import { asCommitValidation, CommitValidationError } from "./errors";
import type { TableUpdate, TableUpdateAction, UnboundPartitionSpec } from "./types";

type Reader = (r: ObjectReader) => TableUpdate;

const READERS: Record<TableUpdateAction, Reader> = {
  "assign-uuid": (r) => ({ action: "assign-uuid", uuid: r.string("uuid") }),
  "upgrade-format-version": (r) => ({
    action: "upgrade-format-version",
    formatVersion: formatVersion(r),
  }),
  "add-schema": readAddSchema,
  "set-current-schema": (r) => ({ action: "set-current-schema", schemaId: r.int("schema-id") }),
  "add-spec": (r) => ({
    action: "add-spec",
    spec: readUnboundSpec(r.required("spec"), r.pathOf("spec")),
  }),
  "set-default-spec": (r) => ({ action: "set-default-spec", specId: r.int("spec-id") }),
  "add-sort-order": (r) => ({
    action: "add-sort-order",
    sortOrder: readSortOrder(r.required("sort-order"), r.pathOf("sort-order")),
  }),
  "set-default-sort-order": (r) => ({
    action: "set-default-sort-order",
    sortOrderId: r.int("sort-order-id"),
  }),
  "add-snapshot": (r) => ({ action: "add-snapshot", snapshot: readAddedSnapshot(r) }),
  "set-snapshot-ref": (r) => ({
    action: "set-snapshot-ref",
    refName: r.string("ref-name"),
    ...readRef(r.json, r.path),
  }),
  "remove-snapshots": (r) => ({
    action: "remove-snapshots",
    snapshotIds: r.list("snapshot-ids", asLong),
  }),
  "remove-snapshot-ref": (r) => ({ action: "remove-snapshot-ref", refName: r.string("ref-name") }),
  "set-location": (r) => ({ action: "set-location", location: r.string("location") }),
  "set-properties": (r) => ({ action: "set-properties", updates: r.stringMap("updates") }),
  "remove-properties": (r) => ({
    action: "remove-properties",
    removals: r.list("removals", asString),
  }),
  "set-statistics": readSetStatistics,
  "remove-statistics": (r) => ({ action: "remove-statistics", snapshotId: r.long("snapshot-id") }),
  "set-partition-statistics": (r) => ({
    action: "set-partition-statistics",
    partitionStatistics: readPartitionStatisticsFile(
      r.required("partition-statistics"),
      r.pathOf("partition-statistics"),
    ),
  }),
  "remove-partition-statistics": (r) => ({
    action: "remove-partition-statistics",
    snapshotId: r.long("snapshot-id"),
  }),
  "remove-partition-specs": (r) => ({
    action: "remove-partition-specs",
    specIds: r.list("spec-ids", asInt),
  }),
  "remove-schemas": (r) => ({ action: "remove-schemas", schemaIds: r.list("schema-ids", asInt) }),
  "add-encryption-key": (r) => ({
    action: "add-encryption-key",
    encryptionKey: readEncryptionKey(r.required("encryption-key"), r.pathOf("encryption-key")),
  }),
  "remove-encryption-key": (r) => ({ action: "remove-encryption-key", keyId: r.string("key-id") }),
};

export const UPDATE_ACTIONS = Object.keys(READERS) as TableUpdateAction[];

const VIEW_ACTIONS = new Set(["add-view-version", "set-current-view-version"]);

/** Parses one REST update; `path` prefixes error messages (`updates[3]`). */
export function updateFromJson(value: JsonValue, path = ""): TableUpdate {
  return asCommitValidation("", () => {
    const reader = ObjectReader.of(value, path);
    const action = reader.string("action");
    const read = Object.hasOwn(READERS, action) ? READERS[action as TableUpdateAction] : undefined;
    if (!read) throw unknownAction(action, reader.pathOf("action"));
    return read(reader);
  });
}

function unknownAction(action: string, path: string): CommitValidationError {
  if (VIEW_ACTIONS.has(action)) {
    return new CommitValidationError(`"${action}" is a view update, not a table update`, path);
  }
  const known = UPDATE_ACTIONS.join(", ");
  return new CommitValidationError(
    `unknown update action "${action}" (expected one of ${known})`,
    path,
  );
}

function formatVersion(reader: ObjectReader): FormatVersion {
  const version = reader.int("format-version");
  if (!SUPPORTED_FORMAT_VERSIONS.includes(version as FormatVersion)) {
    const supported = SUPPORTED_FORMAT_VERSIONS.join(", ");
    throw new CommitValidationError(
      `unsupported format version ${version} (supported: ${supported})`,
      reader.pathOf("format-version"),
    );
  }
  return version as FormatVersion;
}

/** `schema-id` is read-only in the REST spec; a missing one reads as 0, as Java does (it is reassigned anyway). */
function readAddSchema(reader: ObjectReader): TableUpdate {
  const schema = readSchema(reader.required("schema"), reader.pathOf("schema"), {
    defaultSchemaId: 0,
  });
  const lastColumnId = reader.optionalInt("last-column-id");
  return lastColumnId === undefined
    ? { action: "add-schema", schema }
    : { action: "add-schema", schema, lastColumnId };
}

/**
 * A partition spec whose `spec-id` and `field-id`s may be missing. Missing field ids
 * get negative placeholders so the codec's checks (unique ids and names) still run,
 * then the placeholders are dropped again.
 */
export function readUnboundSpec(value: JsonValue, path: string): UnboundPartitionSpec {
  const reader = ObjectReader.of(value, path);
  const specId = reader.optionalInt("spec-id");
  const items = reader.array("fields");
  let placeholder = 0;
  const withIds = items.map((item) => {
    if (!isJsonObject(item) || (item["field-id"] ?? null) !== null) return item;
    placeholder -= 1;
    return { ...item, "field-id": placeholder } as JsonObject;
  });
  const bound = readPartitionSpec({ "spec-id": specId ?? 0, fields: withIds }, path, {
    fieldIdsOptional: false,
  });
  const fields = bound.fields.map(({ fieldId, ...field }) =>
    fieldId < 0 ? field : { ...field, fieldId },
  );
  return specId === undefined ? { fields } : { specId, fields };
}

/**
 * The REST `Snapshot` makes `sequence-number` optional: without one the snapshot is
 * read as a v1 snapshot (sequence number 0), which only a v1 table will accept.
 */
function readAddedSnapshot(reader: ObjectReader) {
  const snapshot = reader.object("snapshot");
  const version: FormatVersion = snapshot.has("sequence-number") ? 2 : 1;
  // v1 reading tolerates a missing summary; the REST spec does not.
  if (!snapshot.has("summary")) snapshot.stringMap("summary");
  return readSnapshot(snapshot.json, snapshot.path, version);
}

function readSetStatistics(reader: ObjectReader): TableUpdate {
  const statistics = readStatisticsFile(reader.required("statistics"), reader.pathOf("statistics"));
  const snapshotId = reader.optionalLong("snapshot-id");
  return snapshotId === undefined
    ? { action: "set-statistics", statistics }
    : { action: "set-statistics", snapshotId, statistics };
}
