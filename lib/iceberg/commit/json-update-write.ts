/** Model → REST `TableUpdate` JSON (kebab-case, ids as bigint). */
import {
  type JsonObject,
  writeEncryptionKey,
  writePartitionStatisticsFile,
  writeRef,
  writeSchema,
  writeSnapshot,
  writeSortOrder,
  writeStatisticsFile,
} from "../spec";
import { writePartitionField } from "../spec/partition-json";
import type { TableUpdate, UnboundPartitionSpec } from "./types";

export function updateToJson(update: TableUpdate): JsonObject {
  const action = update.action;
  switch (update.action) {
    case "assign-uuid":
      return { action, uuid: update.uuid };
    case "upgrade-format-version":
      return { action, "format-version": update.formatVersion };
    case "add-schema": {
      const out: JsonObject = { action, schema: writeSchema(update.schema) };
      if (update.lastColumnId !== undefined) out["last-column-id"] = update.lastColumnId;
      return out;
    }
    case "set-current-schema":
      return { action, "schema-id": update.schemaId };
    case "add-spec":
      return { action, spec: unboundSpecToJson(update.spec) };
    case "set-default-spec":
      return { action, "spec-id": update.specId };
    case "add-sort-order":
      return { action, "sort-order": writeSortOrder(update.sortOrder) };
    case "set-default-sort-order":
      return { action, "sort-order-id": update.sortOrderId };
    case "add-snapshot":
      // Always with its sequence number: REST readers take a missing one for v1.
      return { action, snapshot: writeSnapshot(update.snapshot, 2) };
    case "set-snapshot-ref": {
      const { action: _, refName, ...ref } = update;
      return { action, "ref-name": refName, ...writeRef(ref) };
    }
    default:
      return tableUpdateToJson(update);
  }
}

/** The updates that do not touch schemas, specs, orders or snapshots. */
function tableUpdateToJson(update: TableUpdate): JsonObject {
  const action = update.action;
  switch (update.action) {
    case "remove-snapshots":
      return { action, "snapshot-ids": [...update.snapshotIds] };
    case "remove-snapshot-ref":
      return { action, "ref-name": update.refName };
    case "set-location":
      return { action, location: update.location };
    case "set-properties":
      return { action, updates: { ...update.updates } };
    case "remove-properties":
      return { action, removals: [...update.removals] };
    case "set-statistics": {
      const out: JsonObject = { action };
      if (update.snapshotId !== undefined) out["snapshot-id"] = update.snapshotId;
      out.statistics = writeStatisticsFile(update.statistics);
      return out;
    }
    case "remove-statistics":
    case "remove-partition-statistics":
      return { action, "snapshot-id": update.snapshotId };
    case "set-partition-statistics":
      return {
        action,
        "partition-statistics": writePartitionStatisticsFile(update.partitionStatistics),
      };
    case "remove-partition-specs":
      return { action, "spec-ids": [...update.specIds] };
    case "remove-schemas":
      return { action, "schema-ids": [...update.schemaIds] };
    case "add-encryption-key":
      return { action, "encryption-key": writeEncryptionKey(update.encryptionKey) };
    case "remove-encryption-key":
      return { action, "key-id": update.keyId };
    default:
      throw new Error(`updateToJson: unhandled action ${update.action}`);
  }
}

function unboundSpecToJson(spec: UnboundPartitionSpec): JsonObject {
  const out: JsonObject = {};
  if (spec.specId !== undefined) out["spec-id"] = spec.specId;
  out.fields = spec.fields.map((field) => {
    const json = writePartitionField({ ...field, fieldId: field.fieldId ?? 0 });
    if (field.fieldId === undefined) delete json["field-id"];
    return json;
  });
  return out;
}
