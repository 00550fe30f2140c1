/**
 * The REST spec helper (tests/support/rest-spec.ts) and what Tarn writes against it:
 * serialized table and view metadata must be valid REST `TableMetadata`/`ViewMetadata`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  expectRestSchema,
  restSchemaErrors,
  restSchemaNames,
} from "../../../tests/support/rest-spec";
import { parseJson } from "./json";
import { readMetadataFile } from "./metadata-file";
import { parseTableMetadata, tableMetadataToJson } from "./table-metadata";
import { FIXTURES_ENV, icebergFixture, icebergFixturesDir } from "./test-fixtures";
import { parseViewMetadata, viewMetadataToJson } from "./view-metadata";

const TABLE_FIXTURES = [
  "java-core/TableMetadataV1Valid.json",
  "java-core/TableMetadataV2Valid.json",
  "java-core/TableMetadataV2ValidMinimal.json",
  "java-core/TableMetadataStatisticsFiles.json",
  "java-core/TableMetadataPartitionStatisticsFiles.json",
  "java-core/TableMetadataV3ValidMinimal.json",
  "iceberg-rust/table_metadata/TableMetadataV1Compat.json",
  "iceberg-rust/table_metadata/TableMetadataV3ValidEncryption.json",
  "iceberg-rust/example_table_metadata_v2_partition_evolution.json",
];

const REAL_TABLES = [
  "spark-v1-v2/data/iceberg/generated_spec2_0_001/pyspark_iceberg_table/metadata/v9.metadata.json",
  "persistent/data/persistent/add_columns_with_defaults/default.db/add_columns_with_defaults/metadata/00003-3f1801a5-7dfb-4072-b14a-39cd12f9279b.metadata.json",
  "persistent/data/persistent/iceberg/lineitem_iceberg_gz/metadata/v2.gz.metadata.json",
  "persistent/data/persistent/timestamptz_ns/metadata/v1.metadata.json",
];

describe("serialized metadata conforms to the REST spec", () => {
  it.each(TABLE_FIXTURES)("%s", (file) => {
    const meta = parseTableMetadata(readFileSync(icebergFixture("metadata", file), "utf8"));
    expectRestSchema("TableMetadata", tableMetadataToJson(meta));
  });

  it.each(REAL_TABLES)("%s", (file) => {
    const meta = readMetadataFile(readFileSync(icebergFixture("tables", file)));
    expectRestSchema("TableMetadata", tableMetadataToJson(meta));
    expectRestSchema("LoadTableResult", {
      "metadata-location": `s3://warehouse/${file}`,
      metadata: tableMetadataToJson(meta),
      config: {},
    });
  });

  it("holds for view metadata too", () => {
    const file = icebergFixture("metadata", "java-core", "view", "ValidViewMetadata.json");
    expectRestSchema(
      "ViewMetadata",
      viewMetadataToJson(parseViewMetadata(readFileSync(file, "utf8"))),
    );
  });
});

describe("rest-spec helper", () => {
  it("knows the spec's component schemas", () => {
    expect(restSchemaNames()).toEqual(
      expect.arrayContaining([
        "TableMetadata",
        "LoadTableResult",
        "ErrorModel",
        "CommitTableRequest",
      ]),
    );
  });

  it("accepts valid values and explains invalid ones", () => {
    expect(
      restSchemaErrors("ErrorModel", {
        message: "no such table",
        type: "NoSuchTableException",
        code: 404,
      }),
    ).toEqual([]);
    expect(restSchemaErrors("ErrorModel", { message: "x", type: "T", code: "404" })).toEqual([
      "/code: must be integer",
    ]);
    expect(restSchemaErrors("ErrorModel", { message: "x", type: "T" })).toEqual([
      "(root): must have required property 'code'",
    ]);
  });

  it("reports the deepest problem first, with the enum it wanted", () => {
    const meta = tableMetadataToJson(
      parseTableMetadata(
        readFileSync(icebergFixture("metadata", "java-core", "TableMetadataV2Valid.json"), "utf8"),
      ),
    );
    const broken = structuredClone(meta) as { snapshots: { summary: { operation: string } }[] };
    broken.snapshots[0].summary.operation = "merge";
    const errors = restSchemaErrors("TableMetadata", broken);
    expect(errors[0]).toBe(
      '/snapshots/0/summary/operation: must be equal to one of the allowed values ["append","replace","overwrite","delete"]',
    );
    expect(() => expectRestSchema("TableMetadata", broken)).toThrow(
      /^Value does not match REST spec schema TableMetadata:\n {2}\/snapshots\/0\/summary\/operation/,
    );
  });

  it("treats nullable as admitting null", () => {
    expect(
      restSchemaErrors("LoadTableResult", {
        "metadata-location": null,
        metadata: { "format-version": 2, "table-uuid": "u" },
      }),
    ).toEqual([]);
  });

  it("checks bigint ids as numbers", () => {
    expect(
      restSchemaErrors(
        "SnapshotLog",
        parseJson('[{"snapshot-id": 9223372036854775807, "timestamp-ms": 1}]'),
      ),
    ).toEqual([]);
  });

  it("refuses a schema name the spec does not have", () => {
    expect(() => restSchemaErrors("TableMetdata", {})).toThrow(
      'Unknown REST spec schema "TableMetdata"',
    );
  });
});

describe("fixtures location", () => {
  const saved = process.env[FIXTURES_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[FIXTURES_ENV];
    else process.env[FIXTURES_ENV] = saved;
  });

  it("follows the environment variable", () => {
    const dir = icebergFixturesDir();
    process.env[FIXTURES_ENV] = dir;
    expect(icebergFixturesDir()).toBe(dir);
    expect(path.basename(icebergFixture("rest-catalog-open-api.yaml"))).toBe(
      "rest-catalog-open-api.yaml",
    );
  });

  it("says plainly when the fixtures are absent", () => {
    process.env[FIXTURES_ENV] = "/nowhere/iceberg";
    expect(() => icebergFixturesDir()).toThrow("Iceberg fixtures not found at /nowhere/iceberg");
  });
});
