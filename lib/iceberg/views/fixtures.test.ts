/**
 * The shared view metadata fixtures, replayed as REST updates: the valid ones come back
 * as they are, and each invalid one is refused by the rule it breaks.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type JsonObject,
  type JsonValue,
  parseJson,
  parseViewMetadata,
  type ViewMetadata,
} from "../spec";
import { icebergFixture } from "../spec/test-fixtures";
import { applyViewUpdates } from "./apply";
import { CommitValidationError } from "./errors";
import { viewUpdateFromJson } from "./json";
import type { ViewUpdate } from "./types";

const read = (file: string) => readFileSync(icebergFixture("metadata", file), "utf8");

/** Each version its own commit, in order, as the view's history was made. */
function replayValid(view: ViewMetadata): ViewMetadata {
  let current: ViewMetadata | null = null;
  view.versions.forEach((version, i) => {
    const schema = view.schemas.find((s) => s.schemaId === version.schemaId)!;
    const first: ViewUpdate[] =
      i > 0
        ? []
        : [
            { action: "assign-uuid", uuid: view.viewUuid },
            { action: "set-location", location: view.location },
            { action: "set-properties", updates: view.properties },
          ];
    const updates: ViewUpdate[] = [
      ...first,
      { action: "add-schema", schema },
      { action: "add-view-version", viewVersion: { ...version, schemaId: -1 } },
      { action: "set-current-view-version", viewVersionId: -1 },
    ];
    current = applyViewUpdates(current, updates, { now: 0 });
  });
  return current!;
}

/** Schema ids as a builder assigns them: 0, 1, … in the order schemas were added. */
function renumberSchemas(view: ViewMetadata): ViewMetadata {
  const ids = new Map(view.schemas.map((s, i) => [s.schemaId, i]));
  return {
    ...view,
    schemas: view.schemas.map((s, i) => ({ ...s, schemaId: i })),
    versions: view.versions.map((v) => ({ ...v, schemaId: ids.get(v.schemaId)! })),
  };
}

describe.each([
  "java-core/view/ValidViewMetadata.json",
  "iceberg-rust/view_metadata/ViewMetadataV1Valid.json",
])("valid fixture %s", (file) => {
  it("comes back unchanged from replaying its versions as commits", () => {
    const view = parseViewMetadata(read(file));
    expect(replayValid(view)).toEqual(renumberSchemas(view));
  });
});

/** Every field of the raw document as one commit (schema ids mapped to the ids they get). */
function replayRaw(doc: JsonObject): ViewUpdate[] {
  const schemas = (doc.schemas as JsonObject[]) ?? [];
  const newId = new Map(schemas.map((s, i) => [Number(s["schema-id"]), i]));
  const raw: JsonValue[] = [];
  if ("view-uuid" in doc) raw.push({ action: "assign-uuid", uuid: doc["view-uuid"] });
  raw.push({ action: "upgrade-format-version", "format-version": doc["format-version"] });
  if ("location" in doc) raw.push({ action: "set-location", location: doc.location });
  for (const schema of schemas) raw.push({ action: "add-schema", schema });
  for (const version of (doc.versions as JsonObject[]) ?? []) {
    const schemaId = newId.get(Number(version["schema-id"])) ?? version["schema-id"];
    raw.push({
      action: "add-view-version",
      "view-version": schemaId === undefined ? version : { ...version, "schema-id": schemaId },
    });
  }
  if ("current-version-id" in doc)
    raw.push({ action: "set-current-view-version", "view-version-id": doc["current-version-id"] });
  return raw.map((update, i) => viewUpdateFromJson(update, `updates[${i}]`));
}

// biome-ignore format: one fixture a line
const INVALID: [string, string][] = [
  ["java-core/view/ViewMetadataInvalidCurrentSchema.json", "cannot add a version with unknown schema 1234"],
  ["java-core/view/ViewMetadataInvalidCurrentVersion.json", "cannot set the current version to unknown version 1234"],
  ["java-core/view/ViewMetadataMissingCurrentVersion.json", "a view needs a current version"],
  ["java-core/view/ViewMetadataMissingLocation.json", "a view needs a location"],
  ["java-core/view/ViewMetadataMultipleSQLsForDialect.json", 'more than one SQL for dialect "spark-sql"'],
  ["iceberg-rust/view_metadata/ViewMetadataUnsupportedVersion.json", "unsupported view format version 2"],
  ["iceberg-rust/view_metadata/ViewMetadataV1CurrentVersionNotFound.json", "cannot set the current version to unknown version 2"],
  ["iceberg-rust/view_metadata/ViewMetadataV1MissingCurrentVersion.json", "a view needs a current version"],
  ["iceberg-rust/view_metadata/ViewMetadataV1MissingSchema.json", "view-version.schema-id: missing required field"],
  ["iceberg-rust/view_metadata/ViewMetadataV1SchemaNotFound.json", "cannot add a version with unknown schema 2"],
];

describe.each(INVALID)("invalid fixture %s", (file, message) => {
  it("is refused when replayed as a commit", () => {
    const replay = () =>
      applyViewUpdates(null, replayRaw(parseJson(read(file)) as JsonObject), { now: 0 });
    expect(replay).toThrow(CommitValidationError);
    expect(replay).toThrow(message);
  });
});
