import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IcebergValidationError } from "./errors";
import { type JsonObject, JsonSyntaxError, parseJson } from "./json";
import { parseTableMetadata, serializeTableMetadata } from "./table-metadata";
import { all, del, icebergFixture, type Mutation, set } from "./test-fixtures";
import type { TableMetadata } from "./types";

const BASE_V2 = `{
  "format-version": 2,
  "table-uuid": "2b7b9e8a-1f0c-4d7e-9a55-0c3c8a1f6e21",
  "location": "s3://warehouse/db/t",
  "last-sequence-number": 2,
  "last-updated-ms": 1700000000000,
  "last-column-id": 4,
  "current-schema-id": 0,
  "schemas": [{
    "type": "struct", "schema-id": 0, "identifier-field-ids": [1],
    "fields": [
      {"id": 1, "name": "id", "required": true, "type": "long"},
      {"id": 2, "name": "y", "required": false, "type": "decimal(9,2)"},
      {"id": 3, "name": "tags", "required": false,
       "type": {"type": "list", "element-id": 4, "element": "string", "element-required": true}}
    ]
  }],
  "default-spec-id": 0,
  "partition-specs": [{"spec-id": 0, "fields": [
    {"name": "id_bucket", "transform": "bucket[16]", "source-id": 1, "field-id": 1000}
  ]}],
  "last-partition-id": 1000,
  "default-sort-order-id": 0,
  "sort-orders": [{"order-id": 0, "fields": []}],
  "properties": {"owner": "tarn"},
  "current-snapshot-id": 9223372036854775807,
  "snapshots": [
    {"snapshot-id": 1, "sequence-number": 1, "timestamp-ms": 1700000000000,
     "manifest-list": "s3://warehouse/db/t/metadata/snap-1.avro", "summary": {"operation": "append"}},
    {"snapshot-id": 9223372036854775807, "parent-snapshot-id": 1, "sequence-number": 2,
     "timestamp-ms": 1700000000001, "manifest-list": "s3://warehouse/db/t/metadata/snap-2.avro",
     "summary": {"operation": "overwrite", "added-records": "10"}, "schema-id": 0}
  ],
  "snapshot-log": [{"snapshot-id": 1, "timestamp-ms": 1700000000000}],
  "metadata-log": []
}`;

function v2Doc(): JsonObject {
  return parseJson(BASE_V2) as JsonObject;
}

const SORT_FIELD = {
  transform: "identity",
  "source-id": 1,
  direction: "asc",
  "null-order": "nulls-first",
};

/** Shorthands for reaching into the base document. */
const field = (doc: JsonObject, i: number) =>
  ((doc.schemas as JsonObject[])[0].fields as JsonObject[])[i];
const snapshot = (doc: JsonObject, i: number) => (doc.snapshots as JsonObject[])[i];

describe("parseTableMetadata rejects malformed metadata", () => {
  // biome-ignore format: one case a line
  const cases: [string, Mutation, string][] = [
    ["format-version of the wrong type", set("format-version", "2"), 'format-version: expected an integer, found string "2"'],
    ["an unsupported format version", set("format-version", 4), "format-version: unsupported format version 4 (supported: 1, 2, 3)"],
    ["a missing field", del("location"), "location: missing required field for format v2: location"],
    ["a table-uuid that is no UUID", set("table-uuid", "abc"), 'table-uuid: not a UUID: "abc"'],
    ["an unknown current schema", set("current-schema-id", 7), "current-schema-id: schema 7 not found in schemas (ids: 0)"],
    ["an unknown default spec", set("default-spec-id", 3), "default-spec-id: partition spec 3 not found in partition-specs (ids: 0)"],
    ["an unknown default sort order", set("default-sort-order-id", 9), "default-sort-order-id: sort order 9 not found in sort-orders (ids: 0)"],
    ["an unknown current snapshot", set("current-snapshot-id", 99), "current-snapshot-id: snapshot 99 not found in snapshots"],
    ["a ref to an unknown snapshot", set("refs", { audit: { "snapshot-id": 5, type: "tag" } }), "refs.audit.snapshot-id: snapshot 5 not found in snapshots"],
    ["a main branch that is not the current snapshot", set("refs", { main: { "snapshot-id": 1, type: "branch" } }), "refs.main.snapshot-id: main branch points at snapshot 1 but current-snapshot-id is 9223372036854775807"],
    ["a main branch without a current snapshot", all(set("current-snapshot-id", -1), set("refs", { main: { "snapshot-id": 1, type: "branch" } })), "current-snapshot-id is not set"],
    ["a ref of an unknown kind", set("refs", { x: { "snapshot-id": 1, type: "pointer" } }), 'refs.x.type: expected "branch" or "tag", found "pointer"'],
    ["a tag with branch retention", set("refs", { t: { "snapshot-id": 1, type: "tag", "min-snapshots-to-keep": 2 } }), "refs.t: a tag cannot set min-snapshots-to-keep"],
    ["duplicate field ids", set("schemas.0.fields.1.id", 1), "schemas[0].fields[1].id: duplicate field id 1 (already used by schemas[0].fields[0].id)"],
    ["a nested duplicate field id", set("schemas.0.fields.2.type.element-id", 2), "schemas[0].fields[2].type.element-id: duplicate field id 2"],
    ["duplicate sibling names", set("schemas.0.fields.1.name", "id"), 'schemas[0].fields[1].name: duplicate field name "id" in one struct'],
    ["an unknown primitive type", set("schemas.0.fields.1.type", "int64"), 'schemas[0].fields[1].type: unknown primitive type "int64"'],
    ["a decimal beyond 38 digits", set("schemas.0.fields.1.type", "decimal(39, 2)"), "decimal precision must be between 1 and 38, got 39"],
    ["a v3 type in a v2 table", set("schemas.0.fields.1.type", "timestamp_ns"), "schemas[0].fields[1].type: type timestamp_ns is not supported until format v3 (this table is v2)"],
    ["a nested type of unknown kind", set("schemas.0.fields.2.type", { type: "set", element: "int" }), 'schemas[0].fields[2].type.type: unknown nested type "set"'],
    ["a type that is neither name nor object", set("schemas.0.fields.1.type", 5), "schemas[0].fields[1].type: expected a type name or a struct, list or map object, found number 5"],
    ["required of the wrong type", set("schemas.0.fields.0.required", "yes"), 'schemas[0].fields[0].required: expected a boolean, found string "yes"'],
    ["an identifier field that is optional", set("schemas.0.identifier-field-ids", [2]), "identifier field 2 (y) must be required"],
    ["an identifier field that does not exist", set("schemas.0.identifier-field-ids", [9]), "identifier field 9 is not in the schema"],
    ["an identifier field inside a list", set("schemas.0.identifier-field-ids", [4]), "identifier field 4 (tags.element) cannot be nested in a list or map"],
    ["duplicate schema ids", set("schemas.1", (v2Doc().schemas as JsonObject[])[0]), "schemas[1].schema-id: duplicate schema id 0"],
    ["a snapshot id of the wrong type", set("snapshots.0.snapshot-id", "1"), 'snapshots[0].snapshot-id: expected a 64-bit integer, found string "1"'],
    ["a fractional timestamp", set("snapshots.0.timestamp-ms", 1.5), "snapshots[0].timestamp-ms: expected an integer, found number 1.5"],
    ["a v2 snapshot without a manifest list", del("snapshots.0.manifest-list"), "snapshots[0].manifest-list: missing required field (required from format v2)"],
    ["a v2 snapshot without a sequence number", del("snapshots.0.sequence-number"), "snapshots[0].sequence-number: missing required field (required from format v2)"],
    ["a v2 snapshot without a summary", del("snapshots.0.summary"), "snapshots[0].summary: missing required field (required from format v2)"],
    ["a summary without an operation", set("snapshots.0.summary", { "added-records": "1" }), "snapshots[0].summary.operation: missing required field"],
    ["an unknown operation", set("snapshots.0.summary.operation", "merge"), 'snapshots[0].summary.operation: unknown operation "merge"'],
    ["a snapshot newer than the table", set("last-sequence-number", 1), "snapshots[1].sequence-number: 2 is greater than last-sequence-number 1"],
    ["duplicate snapshot ids", all(set("snapshots.1.snapshot-id", 1), set("current-snapshot-id", 1)), "snapshots[1].snapshot-id: duplicate snapshot id 1"],
    ["a property that is not a string", set("properties.owner", 1), "properties.owner: expected a string, found number 1"],
    ["a v2 partition field without field-id", del("partition-specs.0.fields.0.field-id"), "partition-specs[0].fields[0].field-id: missing required field"],
    ["duplicate partition field names", set("partition-specs.0.fields.1", { name: "id_bucket", transform: "identity", "source-id": 1, "field-id": 1001 }), 'partition-specs[0].fields[1].name: duplicate partition field name "id_bucket"'],
    ["a sort order 0 with fields", set("sort-orders.0.fields.0", SORT_FIELD), "sort-orders[0].order-id: sort order id 0 is reserved for the unsorted order"],
    ["a sort direction of the wrong kind", set("sort-orders.1", { "order-id": 1, fields: [{ ...SORT_FIELD, direction: "up" }] }), 'sort-orders[1].fields[0].direction: expected "asc" or "desc", found "up"'],
  ];

  it.each(cases)("%s", (_name, mutate, expected) => {
    const doc = v2Doc();
    mutate(doc);
    expect(() => parseTableMetadata(doc)).toThrow(IcebergValidationError);
    expect(() => parseTableMetadata(doc)).toThrow(expected);
  });

  it("refuses a document that is not an object", () => {
    expect(() => parseTableMetadata([])).toThrow("expected an object, found an array");
  });

  it("names the path of the offending field", () => {
    const doc = v2Doc();
    snapshot(doc, 1)["timestamp-ms"] = "late";
    expect(() => parseTableMetadata(doc)).toThrow(
      expect.objectContaining({ path: "snapshots[1].timestamp-ms" }),
    );
  });

  it("refuses ids that JSON.parse already rounded", () => {
    expect(() => parseTableMetadata(JSON.parse(BASE_V2))).toThrow(
      /beyond 2\^53 and has lost precision/,
    );
  });

  it("reports text that is not JSON with its position", () => {
    expect(() => parseTableMetadata('{"format-version": 2,}')).toThrow(JsonSyntaxError);
    expect(() => parseTableMetadata('{"format-version": 2,}')).toThrow("line 1, column 22");
  });
});

describe("parseTableMetadata reads the model", () => {
  it("keeps 64-bit snapshot ids as bigint, small ones too", () => {
    const meta = parseTableMetadata(BASE_V2);
    expect(meta.currentSnapshotId).toBe(9223372036854775807n);
    expect(meta.snapshots.map((s) => s.snapshotId)).toEqual([1n, 9223372036854775807n]);
    expect(meta.snapshots[1].parentSnapshotId).toBe(1n);
  });

  it("spells out the implied main branch", () => {
    expect(parseTableMetadata(BASE_V2).refs).toEqual({
      main: { snapshotId: 9223372036854775807n, type: "branch" },
    });
  });

  it.each([-1, null])("reads current-snapshot-id %s as no current snapshot", (none) => {
    const doc = v2Doc();
    doc["current-snapshot-id"] = none;
    const meta = parseTableMetadata(doc);
    expect(meta.currentSnapshotId).toBeUndefined();
    expect(meta.refs).toEqual({});
    expect(serializeTableMetadata(meta)).toContain('"current-snapshot-id":-1');
  });

  it("canonicalises primitive type names", () => {
    const doc = v2Doc();
    field(doc, 1).type = "DECIMAL( 9,2 )";
    (field(doc, 2).type as JsonObject).element = "Fixed[ 16 ]";
    const schema = parseTableMetadata(doc).schemas[0];
    expect(schema.fields[1].type).toBe("decimal(9, 2)");
    expect(schema.fields[2].type).toMatchObject({ element: "fixed[16]" });
  });

  it("keeps defaults in their JSON form, big longs exactly", () => {
    const doc = v2Doc();
    field(doc, 1).type = "long";
    field(doc, 1)["initial-default"] = parseJson("-9223372036854775808");
    field(doc, 1)["write-default"] = 7;
    const meta = parseTableMetadata(doc);
    expect(meta.schemas[0].fields[1]).toMatchObject({
      initialDefault: -9223372036854775808n,
      writeDefault: 7,
    });
    expect(serializeTableMetadata(meta)).toContain('"initial-default":-9223372036854775808');
  });

  it("reads v3 tables: new types, row lineage, multi-argument transforms", () => {
    const doc = v2Doc();
    doc["format-version"] = 3;
    doc["next-row-id"] = 100;
    field(doc, 1).type = "timestamptz_ns";
    (doc.schemas as JsonObject[])[0].fields = [
      ...((doc.schemas as JsonObject[])[0].fields as JsonObject[]),
      { id: 5, name: "v", required: false, type: "variant" },
      { id: 6, name: "g", required: false, type: "geography(srid:4326, karney)" },
      { id: 7, name: "u", required: false, type: "unknown" },
    ];
    ((doc["partition-specs"] as JsonObject[])[0].fields as JsonObject[]).push({
      name: "pair",
      transform: "zorder",
      "source-ids": [1, 2],
      "field-id": 1001,
    });
    doc["last-partition-id"] = 1001;
    snapshot(doc, 1)["first-row-id"] = 0;
    snapshot(doc, 1)["added-rows"] = 100;
    const meta = parseTableMetadata(doc);
    expect(meta.nextRowId).toBe(100);
    expect(meta.schemas[0].fields.map((f) => f.type).slice(3)).toEqual([
      "variant",
      "geography(srid:4326, karney)",
      "unknown",
    ]);
    expect(meta.partitionSpecs[0].fields[1]).toEqual({
      sourceId: 1,
      sourceIds: [1, 2],
      fieldId: 1001,
      name: "pair",
      transform: "zorder",
    });
    expect(meta.snapshots[1]).toMatchObject({ firstRowId: 0, addedRows: 100 });
    const written = serializeTableMetadata(meta);
    expect(written).toContain('"source-ids":[1,2]');
    expect(written).toContain('"next-row-id":100');
    expect(parseTableMetadata(written)).toEqual(meta);
  });

  it("derives next-row-id when a v3 file leaves it out", () => {
    const doc = v2Doc();
    doc["format-version"] = 3;
    snapshot(doc, 1)["first-row-id"] = 40;
    snapshot(doc, 1)["added-rows"] = 2;
    expect(parseTableMetadata(doc).nextRowId).toBe(42);
  });

  it("refuses a required column of type unknown", () => {
    const doc = v2Doc();
    doc["format-version"] = 3;
    (doc.schemas as JsonObject[])[0].fields = [
      { id: 1, name: "u", required: true, type: "unknown" },
    ];
    (doc.schemas as JsonObject[])[0]["identifier-field-ids"] = [];
    expect(() => parseTableMetadata(doc)).toThrow(
      "schemas[0].fields[0]: a field of type unknown must be optional",
    );
  });
});

describe("format v1", () => {
  const v1 = () =>
    readFileSync(icebergFixture("metadata", "java-core", "TableMetadataV1Valid.json"), "utf8");

  it("upgrades schema, partition-spec and sequence numbers in memory", () => {
    const meta = parseTableMetadata(v1());
    expect(meta).toMatchObject({
      formatVersion: 1,
      lastSequenceNumber: 0,
      currentSchemaId: 0,
      defaultSpecId: 0,
      lastPartitionId: 1000,
      defaultSortOrderId: 0,
      sortOrders: [{ orderId: 0, fields: [] }],
      refs: {},
      snapshots: [],
    });
    expect(meta.schemas.map((s) => s.schemaId)).toEqual([0]);
    expect(meta.partitionSpecs).toEqual([
      { specId: 0, fields: [{ sourceId: 1, fieldId: 1000, name: "x", transform: "identity" }] },
    ]);
  });

  it("numbers partition fields from 1000 when v1 left the ids out", () => {
    const doc = parseJson(v1()) as JsonObject;
    doc["partition-spec"] = [
      { name: "x", transform: "identity", "source-id": 1 },
      { name: "y_bucket", transform: "bucket[8]", "source-id": 2 },
    ];
    const meta = parseTableMetadata(doc);
    expect(meta.partitionSpecs[0].fields.map((f) => f.fieldId)).toEqual([1000, 1001]);
    expect(meta.lastPartitionId).toBe(1001);
  });

  it("reads a v1 snapshot with inline manifests and no summary", () => {
    const doc = parseJson(v1()) as JsonObject;
    doc.snapshots = [{ "snapshot-id": 5, "timestamp-ms": 1, manifests: ["a.avro", "b.avro"] }];
    doc["current-snapshot-id"] = 5;
    const meta = parseTableMetadata(doc);
    expect(meta.snapshots[0]).toEqual({
      snapshotId: 5n,
      sequenceNumber: 0,
      timestampMs: 1,
      summary: { operation: "append" },
      manifests: ["a.avro", "b.avro"],
    });
    expect(parseTableMetadata(serializeTableMetadata(meta))).toEqual(meta);
  });

  it("refuses a v1 snapshot with neither manifest list nor manifests", () => {
    const doc = parseJson(v1()) as JsonObject;
    doc.snapshots = [{ "snapshot-id": 5, "timestamp-ms": 1 }];
    expect(() => parseTableMetadata(doc)).toThrow(
      "snapshots[0]: a v1 snapshot needs manifest-list or manifests",
    );
  });

  it("stays v1 when written, with the legacy fields older readers need", () => {
    const json = parseJson(serializeTableMetadata(parseTableMetadata(v1()))) as JsonObject;
    expect(json["format-version"]).toBe(1);
    expect(json).toHaveProperty("schema");
    expect(json["partition-spec"]).toEqual([
      { name: "x", transform: "identity", "source-id": 1, "field-id": 1000 },
    ]);
    expect(json).not.toHaveProperty("last-sequence-number");
  });

  it("reads a missing table-uuid as the nil UUID", () => {
    const doc = parseJson(v1()) as JsonObject;
    delete doc["table-uuid"];
    expect(parseTableMetadata(doc).tableUuid).toBe("00000000-0000-0000-0000-000000000000");
  });
});

describe("serializeTableMetadata", () => {
  it("writes snapshot ids beyond 2^53 digit for digit", () => {
    const text = readFileSync(
      icebergFixture("metadata", "java-core", "TableMetadataV2Valid.json"),
      "utf8",
    );
    const written = serializeTableMetadata(parseTableMetadata(text));
    expect(written).toContain('"current-snapshot-id":3055729675574597004');
    expect(written).toContain('"snapshot-id":3051729675574597004');
    expect(written).toContain('"parent-snapshot-id":3051729675574597004');
    expect(written).toContain(
      '"refs":{"main":{"snapshot-id":3055729675574597004,"type":"branch"}}',
    );
  });

  it("writes the spec's field names in the spec's order", () => {
    const json = parseJson(serializeTableMetadata(parseTableMetadata(BASE_V2))) as JsonObject;
    expect(Object.keys(json)).toEqual([
      "format-version",
      "table-uuid",
      "location",
      "last-sequence-number",
      "last-updated-ms",
      "last-column-id",
      "current-schema-id",
      "schemas",
      "default-spec-id",
      "partition-specs",
      "last-partition-id",
      "default-sort-order-id",
      "sort-orders",
      "properties",
      "current-snapshot-id",
      "refs",
      "snapshots",
      "statistics",
      "partition-statistics",
      "snapshot-log",
      "metadata-log",
    ]);
    expect((json.schemas as JsonObject[])[0].fields).toContainEqual({
      id: 3,
      name: "tags",
      required: false,
      type: { type: "list", "element-id": 4, element: "string", "element-required": true },
    });
  });

  it("pretty-prints on request", () => {
    const written = serializeTableMetadata(parseTableMetadata(BASE_V2), { indent: 2 });
    expect(written.startsWith('{\n  "format-version": 2,\n')).toBe(true);
    expect(written).toContain('"current-snapshot-id": 9223372036854775807');
  });

  it.each<[string, (meta: TableMetadata) => void, string]>([
    [
      "an unknown current schema",
      (m) => {
        m.currentSchemaId = 42;
      },
      "current-schema-id: schema 42 not found",
    ],
    [
      "a bad type name",
      (m) => {
        m.schemas[0].fields[0].type = "strng";
      },
      'unknown primitive type "strng"',
    ],
    [
      "a dangling ref",
      (m) => {
        m.refs.old = { snapshotId: 77n, type: "tag" };
      },
      "refs.old.snapshot-id: snapshot 77 not found",
    ],
    [
      "a v3 model without next-row-id",
      (m) => {
        m.formatVersion = 3;
      },
      "next-row-id: missing required field",
    ],
    [
      "sequence numbers in a v1 model",
      (m) => {
        m.formatVersion = 1;
      },
      "last-sequence-number: must be 0 in format v1",
    ],
  ])("refuses to write %s", (_name, breakIt, expected) => {
    const meta = parseTableMetadata(BASE_V2);
    breakIt(meta);
    expect(() => serializeTableMetadata(meta)).toThrow(expected);
  });
});
