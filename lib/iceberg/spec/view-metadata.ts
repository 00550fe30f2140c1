/**
 * View metadata files (view spec, format version 1): parse, validate, serialize.
 *
 * Besides the shape, a view must point only at things it has: the current version
 * exists, every version's schema exists, and a version holds at most one SQL per
 * dialect. The version log may name expired versions, so it is not checked.
 */
import { childPath, IcebergValidationError } from "./errors";
import type { JsonObject, JsonValue } from "./json";
import { parseJson, stringifyJson } from "./json";
import { isUuid, ObjectReader } from "./json-reader";
import { readSchema, writeSchema } from "./schema-json";
import type { SerializeOptions } from "./table-metadata";
import {
  readViewHistoryEntry,
  readViewVersion,
  writeViewHistoryEntry,
  writeViewVersion,
} from "./view-metadata-json";
import type { ViewMetadata } from "./view-types";

const REQUIRED = [
  "view-uuid",
  "format-version",
  "location",
  "schemas",
  "current-version-id",
  "versions",
  "version-log",
];

/** Parses view metadata JSON text, or a value already parsed by `parseJson`. */
export function parseViewMetadata(input: string | JsonValue): ViewMetadata {
  const root = ObjectReader.of(typeof input === "string" ? parseJson(input) : input, "");
  checkFormatVersion(root);
  const missing = REQUIRED.filter((key) => !root.has(key));
  if (missing.length > 0) {
    const noun = missing.length === 1 ? "field" : "fields";
    throw new IcebergValidationError(
      missing[0],
      `missing required ${noun} for view format v1: ${missing.join(", ")}`,
    );
  }
  const view: ViewMetadata = {
    formatVersion: 1,
    viewUuid: root.string("view-uuid"),
    location: root.string("location"),
    schemas: root.list("schemas", (item, path) => readSchema(item, path)),
    currentVersionId: root.int("current-version-id"),
    versions: root.list("versions", readViewVersion),
    versionLog: root.list("version-log", readViewHistoryEntry),
    properties: root.optionalStringMap("properties") ?? {},
  };
  validateViewMetadata(view);
  return view;
}

function checkFormatVersion(root: ObjectReader): void {
  const version = root.int("format-version");
  if (version !== 1) {
    throw new IcebergValidationError(
      "format-version",
      `unsupported view format version ${version} (supported: 1)`,
    );
  }
}

export function validateViewMetadata(view: ViewMetadata): void {
  if (!isUuid(view.viewUuid)) {
    throw new IcebergValidationError("view-uuid", `not a UUID: "${view.viewUuid}"`);
  }
  const schemaIds = view.schemas.map((s) => s.schemaId);
  const versionIds = view.versions.map((v) => v.versionId);
  checkUnique(schemaIds, "schemas", "schema-id", "schema id");
  checkUnique(versionIds, "versions", "version-id", "version id");
  if (!versionIds.includes(view.currentVersionId)) {
    throw new IcebergValidationError(
      "current-version-id",
      `version ${view.currentVersionId} not found in versions (ids: ${versionIds.join(", ") || "none"})`,
    );
  }
  view.versions.forEach((version, i) => {
    if (!schemaIds.includes(version.schemaId)) {
      throw new IcebergValidationError(
        `versions[${i}].schema-id`,
        `schema ${version.schemaId} not found in schemas (ids: ${schemaIds.join(", ") || "none"})`,
      );
    }
  });
}

function checkUnique(ids: number[], listPath: string, key: string, what: string): void {
  const seen = new Set<number>();
  ids.forEach((id, i) => {
    if (seen.has(id)) {
      throw new IcebergValidationError(
        childPath(childPath(listPath, i), key),
        `duplicate ${what} ${id}`,
      );
    }
    seen.add(id);
  });
}

export function serializeViewMetadata(view: ViewMetadata, options: SerializeOptions = {}): string {
  return stringifyJson(viewMetadataToJson(view), options);
}

/** The JSON value of the view metadata, validated by a read-back. */
export function viewMetadataToJson(view: ViewMetadata): JsonObject {
  const json: JsonObject = {
    "view-uuid": view.viewUuid,
    "format-version": view.formatVersion,
    location: view.location,
    properties: { ...view.properties },
    schemas: view.schemas.map(writeSchema),
    "current-version-id": view.currentVersionId,
    versions: view.versions.map(writeViewVersion),
    "version-log": view.versionLog.map(writeViewHistoryEntry),
  };
  parseViewMetadata(json);
  return json;
}
