/**
 * Every table metadata fixture from the reference implementations and every metadata
 * file of the real tables, one row each. Invalid fixtures must fail with a message that
 * names the problem.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IcebergValidationError } from "./errors";
import { decodeMetadataBytes, isGzip, readMetadataFile } from "./metadata-file";
import { parseTableMetadata, serializeTableMetadata } from "./table-metadata";
import { icebergFixture, icebergFixturesDir } from "./test-fixtures";

const VALID = "valid";

/** File (under metadata/) → VALID or the expected fragment of the error message. */
// biome-ignore format: one fixture a line
const TABLE_METADATA_FIXTURES: Record<string, string> = {
  "java-core/TableMetadataPartitionStatisticsFiles.json": VALID,
  "java-core/TableMetadataStatisticsFiles.json": VALID,
  "java-core/TableMetadataUnsupportedVersion.json": "format-version: unsupported format version 42",
  "java-core/TableMetadataV1MissingSchemaType.json": "schema.type: missing required field",
  "java-core/TableMetadataV1Valid.json": VALID,
  // Besides the unknown current schema, this copy also lacks last-partition-id, which
  // v2 requires; missing fields are reported first.
  "java-core/TableMetadataV2CurrentSchemaNotFound.json": "missing required field for format v2: last-partition-id",
  "java-core/TableMetadataV2MissingLastPartitionId.json": "missing required field for format v2: last-partition-id",
  "java-core/TableMetadataV2MissingPartitionSpecs.json": "missing required fields for format v2: partition-specs",
  "java-core/TableMetadataV2MissingSchemas.json": "missing required fields for format v2: schemas",
  "java-core/TableMetadataV2MissingSortOrder.json": "missing required fields for format v2: sort-orders",
  "java-core/TableMetadataV2Valid.json": VALID,
  "java-core/TableMetadataV2ValidMinimal.json": VALID,
  "java-core/TableMetadataV3ValidMinimal.json": VALID,
  // Written when iceberg-rust stopped at v2: a v1-shaped file claiming format v3. As a
  // v3 file it lacks every list v3 requires.
  "iceberg-rust/table_metadata/TableMetadataUnsupportedVersion.json": "missing required fields for format v3: schemas, current-schema-id, partition-specs",
  "iceberg-rust/table_metadata/TableMetadataV1Compat.json": VALID,
  "iceberg-rust/table_metadata/TableMetadataV1NoValidSchema.json": "schema: no valid schema",
  // v1 leniency, as iceberg-rust reads them: default spec = highest spec id; current
  // schema = the `schema` field, found in `schemas`.
  "iceberg-rust/table_metadata/TableMetadataV1PartitionSpecsWithoutDefaultId.json": VALID,
  "iceberg-rust/table_metadata/TableMetadataV1SchemasWithoutCurrentId.json": VALID,
  "iceberg-rust/table_metadata/TableMetadataV1Valid.json": VALID,
  "iceberg-rust/table_metadata/TableMetadataV2CurrentSchemaNotFound.json": "current-schema-id: schema 2 not found in schemas (ids: 0, 1)",
  "iceberg-rust/table_metadata/TableMetadataV2MissingLastPartitionId.json": "missing required field for format v2: last-partition-id",
  "iceberg-rust/table_metadata/TableMetadataV2MissingPartitionSpecs.json": "missing required fields for format v2: partition-specs",
  "iceberg-rust/table_metadata/TableMetadataV2MissingSchemas.json": "missing required fields for format v2: schemas",
  "iceberg-rust/table_metadata/TableMetadataV2MissingSortOrder.json": "missing required fields for format v2: sort-orders",
  "iceberg-rust/table_metadata/TableMetadataV2Valid.json": VALID,
  "iceberg-rust/table_metadata/TableMetadataV2ValidMinimal.json": VALID,
  "iceberg-rust/table_metadata/TableMetadataV3ValidEncryption.json": VALID,
  "iceberg-rust/table_metadata/TableMetadataV3ValidMinimal.json": VALID,
  "iceberg-rust/example_empty_table_metadata_v2.json": VALID,
  "iceberg-rust/example_table_metadata_v2.json": VALID,
  "iceberg-rust/example_table_metadata_v2_partition_evolution.json": VALID,
};

/** Metadata files of real tables (under tables/) that are broken on purpose. */
// biome-ignore format: one file a line
const BROKEN_TABLE_FILES: Record<string, string> = {
  // A BigQuery stub: {"properties": …, "current-snapshot-id": -1} and nothing else.
  "persistent/data/persistent/big_query_error/metadata/v0.metadata.json": "format-version: missing required field",
};

describe("table metadata fixtures", () => {
  it("lists every table metadata fixture file", () => {
    const metadataDir = path.join(icebergFixturesDir(), "metadata");
    const onDisk = [
      ...jsonFilesIn(metadataDir, "java-core", "TableMetadata"),
      ...jsonFilesIn(metadataDir, "iceberg-rust/table_metadata", "TableMetadata"),
      ...jsonFilesIn(metadataDir, "iceberg-rust", "example_"),
    ];
    expect(Object.keys(TABLE_METADATA_FIXTURES).sort()).toEqual(onDisk.sort());
  });

  it.each(Object.entries(TABLE_METADATA_FIXTURES))("%s → %s", (file, expected) => {
    const text = readFileSync(icebergFixture("metadata", file), "utf8");
    if (expected === VALID) {
      const meta = parseTableMetadata(text);
      expect(parseTableMetadata(serializeTableMetadata(meta))).toEqual(meta);
    } else {
      expect(() => parseTableMetadata(text)).toThrow(IcebergValidationError);
      expect(() => parseTableMetadata(text)).toThrow(expected);
    }
  });
});

describe("metadata files of real tables", () => {
  const tablesDir = path.join(icebergFixturesDir(), "tables");
  const files = metadataFilesUnder(tablesDir);

  it("finds the tables, gzip-compressed ones included", () => {
    expect(files.length).toBeGreaterThan(100);
    const gzipped = files.filter((f) => isGzip(readFileSync(path.join(tablesDir, f))));
    expect(gzipped.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(BROKEN_TABLE_FILES).every((f) => files.includes(f))).toBe(true);
  });

  it.each(files)("%s", (file) => {
    const bytes = readFileSync(path.join(tablesDir, file));
    const broken = BROKEN_TABLE_FILES[file];
    if (broken) {
      expect(() => readMetadataFile(bytes)).toThrow(broken);
      return;
    }
    const meta = readMetadataFile(bytes);
    const written = serializeTableMetadata(meta);
    expect(parseTableMetadata(written)).toEqual(meta);
    // Every snapshot id of the file survives digit for digit.
    for (const digits of snapshotIdTexts(decodeMetadataBytes(bytes)))
      expect(written).toContain(digits);
  });
});

function jsonFilesIn(root: string, dir: string, prefix: string): string[] {
  return readdirSync(path.join(root, dir))
    .filter((name) => name.startsWith(prefix) && name.endsWith(".json"))
    .map((name) => `${dir}/${name}`);
}

/** `*.metadata.json`, `*.gz.metadata.json` and `*.metadata.json.gz`, relative to `root`. */
function metadataFilesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.metadata\.json(\.gz)?$/.test(file))
    .sort();
}

function snapshotIdTexts(json: string): string[] {
  return [...json.matchAll(/"snapshot-id"\s*:\s*(\d{17,})/g)].map((m) => m[1]);
}
