/**
 * View versions and their representations between JSON and the model.
 */
import { IcebergValidationError } from "./errors";
import type { JsonObject, JsonValue } from "./json";
import { asString, ObjectReader } from "./json-reader";
import type { ViewHistoryEntry, ViewRepresentation, ViewVersion } from "./view-types";

export function readViewVersion(value: JsonValue, path: string): ViewVersion {
  const reader = ObjectReader.of(value, path);
  const version: ViewVersion = {
    versionId: reader.int("version-id"),
    timestampMs: reader.int("timestamp-ms"),
    schemaId: reader.int("schema-id"),
    summary: reader.stringMap("summary"),
    representations: reader.list("representations", readRepresentation),
    defaultNamespace: reader.list("default-namespace", asString),
  };
  const defaultCatalog = reader.optionalString("default-catalog");
  if (defaultCatalog !== undefined) version.defaultCatalog = defaultCatalog;
  checkOneQueryPerDialect(version.representations, reader.pathOf("representations"));
  return version;
}

function readRepresentation(value: JsonValue, path: string): ViewRepresentation {
  const reader = ObjectReader.of(value, path);
  const type = reader.string("type");
  if (type !== "sql") {
    throw new IcebergValidationError(
      reader.pathOf("type"),
      `unsupported representation type "${type}"`,
    );
  }
  return { type, sql: reader.string("sql"), dialect: reader.string("dialect") };
}

/** Dialects compare case-insensitively, as in the Java reference implementation. */
function checkOneQueryPerDialect(representations: ViewRepresentation[], path: string): void {
  const seen = new Set<string>();
  representations.forEach((representation, i) => {
    const dialect = representation.dialect.toLowerCase();
    if (seen.has(dialect)) {
      throw new IcebergValidationError(
        `${path}[${i}].dialect`,
        `more than one SQL for dialect "${representation.dialect}" in one version`,
      );
    }
    seen.add(dialect);
  });
}

export function readViewHistoryEntry(value: JsonValue, path: string): ViewHistoryEntry {
  const reader = ObjectReader.of(value, path);
  return { versionId: reader.int("version-id"), timestampMs: reader.int("timestamp-ms") };
}

export function writeViewVersion(version: ViewVersion): JsonObject {
  const out: JsonObject = {
    "version-id": version.versionId,
    "timestamp-ms": version.timestampMs,
    "schema-id": version.schemaId,
    summary: { ...version.summary },
  };
  if (version.defaultCatalog !== undefined) out["default-catalog"] = version.defaultCatalog;
  out["default-namespace"] = [...version.defaultNamespace];
  out.representations = version.representations.map((r) => ({
    type: r.type,
    sql: r.sql,
    dialect: r.dialect,
  }));
  return out;
}

export function writeViewHistoryEntry(entry: ViewHistoryEntry): JsonObject {
  return { "timestamp-ms": entry.timestampMs, "version-id": entry.versionId };
}
