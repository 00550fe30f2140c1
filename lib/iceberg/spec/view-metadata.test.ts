import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IcebergValidationError } from "./errors";
import { type JsonObject, parseJson } from "./json";
import { del, icebergFixture, icebergFixturesDir, type Mutation, set } from "./test-fixtures";
import { parseViewMetadata, serializeViewMetadata } from "./view-metadata";

const VALID = "valid";

const VERSION = {
  "version-id": 2,
  "timestamp-ms": 1,
  "schema-id": 1,
  summary: {},
  "default-namespace": [],
  representations: [{ type: "sql", sql: "select 1", dialect: "trino" }],
};

/** File (under metadata/) → VALID or the expected fragment of the error message. */
// biome-ignore format: one fixture a line
const VIEW_METADATA_FIXTURES: Record<string, string> = {
  "java-core/view/ValidViewMetadata.json": VALID,
  "java-core/view/ViewMetadataInvalidCurrentSchema.json": "versions[1].schema-id: schema 1234 not found in schemas (ids: 1)",
  "java-core/view/ViewMetadataInvalidCurrentVersion.json": "current-version-id: version 1234 not found in versions (ids: 1, 2)",
  "java-core/view/ViewMetadataMissingCurrentVersion.json": "missing required field for view format v1: current-version-id",
  "java-core/view/ViewMetadataMissingLocation.json": "missing required field for view format v1: location",
  "java-core/view/ViewMetadataMultipleSQLsForDialect.json": 'versions[0].representations[1].dialect: more than one SQL for dialect "spark-sql"',
  "iceberg-rust/view_metadata/ViewMetadataUnsupportedVersion.json": "format-version: unsupported view format version 2",
  "iceberg-rust/view_metadata/ViewMetadataV1CurrentVersionNotFound.json": "current-version-id: version 2 not found in versions (ids: 1)",
  "iceberg-rust/view_metadata/ViewMetadataV1MissingCurrentVersion.json": "missing required field for view format v1: current-version-id",
  // Lacks current-version-id as well as the version's schema-id; top-level fields come first.
  "iceberg-rust/view_metadata/ViewMetadataV1MissingSchema.json": "missing required field for view format v1: current-version-id",
  "iceberg-rust/view_metadata/ViewMetadataV1SchemaNotFound.json": "versions[0].schema-id: schema 2 not found in schemas (ids: 1)",
  "iceberg-rust/view_metadata/ViewMetadataV1Valid.json": VALID,
};

describe("view metadata fixtures", () => {
  it("lists every view metadata fixture file", () => {
    const metadataDir = path.join(icebergFixturesDir(), "metadata");
    const onDisk = ["java-core/view", "iceberg-rust/view_metadata"].flatMap((dir) =>
      readdirSync(path.join(metadataDir, dir)).map((name) => `${dir}/${name}`),
    );
    expect(Object.keys(VIEW_METADATA_FIXTURES).sort()).toEqual(onDisk.sort());
  });

  it.each(Object.entries(VIEW_METADATA_FIXTURES))("%s → %s", (file, expected) => {
    const text = readFileSync(icebergFixture("metadata", file), "utf8");
    if (expected === VALID) {
      const view = parseViewMetadata(text);
      expect(parseViewMetadata(serializeViewMetadata(view))).toEqual(view);
    } else {
      expect(() => parseViewMetadata(text)).toThrow(IcebergValidationError);
      expect(() => parseViewMetadata(text)).toThrow(expected);
    }
  });
});

describe("parseViewMetadata", () => {
  const valid = () =>
    readFileSync(
      icebergFixture("metadata", "iceberg-rust", "view_metadata", "ViewMetadataV1Valid.json"),
      "utf8",
    );

  it("reads versions, representations and the log", () => {
    const view = parseViewMetadata(valid());
    expect(view).toMatchObject({
      formatVersion: 1,
      viewUuid: "fa6506c3-7681-40c8-86dc-e36561f83385",
      currentVersionId: 1,
      versionLog: [{ versionId: 1, timestampMs: 1573518431292 }],
      properties: { comment: "Daily event counts" },
    });
    expect(view.versions[0]).toEqual({
      versionId: 1,
      timestampMs: 1573518431292,
      schemaId: 1,
      summary: { "engine-name": "Spark", engineVersion: "3.3.2" },
      representations: [
        {
          type: "sql",
          sql: "SELECT\n    COUNT(1), CAST(event_ts AS DATE)\nFROM events\nGROUP BY 2",
          dialect: "spark",
        },
      ],
      defaultCatalog: "prod",
      defaultNamespace: ["default"],
    });
  });

  // biome-ignore format: one case a line
  const cases: [string, Mutation, string][] = [
    ["an unknown representation type", set("versions.0.representations.0.type", "substrait"), 'versions[0].representations[0].type: unsupported representation type "substrait"'],
    ["dialects that differ only in case", set("versions.0.representations.1", { type: "sql", sql: "select 1", dialect: "SPARK" }), 'versions[0].representations[1].dialect: more than one SQL for dialect "SPARK"'],
    ["a namespace that is not a list of strings", set("versions.0.default-namespace", "default"), 'versions[0].default-namespace: expected an array, found string "default"'],
    ["a version without a schema-id", del("versions.0.schema-id"), "versions[0].schema-id: missing required field"],
    ["duplicate version ids", set("versions.1", { ...VERSION, "version-id": 1 }), "versions[1].version-id: duplicate version id 1"],
    ["a view-uuid that is no UUID", set("view-uuid", "v-1"), 'view-uuid: not a UUID: "v-1"'],
  ];

  it.each(cases)("refuses %s", (_name, mutate, expected) => {
    const doc = parseJson(valid()) as JsonObject;
    mutate(doc);
    expect(() => parseViewMetadata(doc)).toThrow(expected);
  });
});
