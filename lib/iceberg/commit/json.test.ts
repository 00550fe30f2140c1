import { describe, expect, it } from "vitest";
import { expectRestSchema } from "../../../tests/support/rest-spec";
import { type JsonValue, parseJson, stringifyJson } from "../spec";
import { CommitValidationError } from "./errors";
import {
  commitFromJson,
  commitToJson,
  requirementFromJson,
  requirementToJson,
  updateFromJson,
  updateToJson,
} from "./json";

/** Writes and reads again, so bigint and number spellings of one id compare equal. */
const plain = (value: unknown): JsonValue => parseJson(stringifyJson(value));

const SCHEMA = `{"type": "struct", "schema-id": 1, "identifier-field-ids": [1], "fields": [
  {"id": 1, "name": "id", "required": true, "type": "long"},
  {"id": 2, "name": "price", "required": false, "type": "decimal(9, 2)", "doc": "in EUR"},
  {"id": 3, "name": "tags", "required": false,
   "type": {"type": "list", "element-id": 4, "element": "string", "element-required": true}}]}`;

const STATS = `{"snapshot-id": 3055729675574597004, "statistics-path": "s3://b/stats.puffin",
  "file-size-in-bytes": 413, "file-footer-size-in-bytes": 42,
  "blob-metadata": [{"type": "apache-datasketches-theta-v1", "snapshot-id": 3055729675574597004,
    "sequence-number": 1, "fields": [1], "properties": {"ndv": "3"}}]}`;

// One line per REST TableUpdate shape, as a client would send it.
// biome-ignore format: one case a line
const UPDATES: [string, string][] = [
  ["assign-uuid", `{"action": "assign-uuid", "uuid": "9c12d441-03fe-4693-9a96-a0705ddf69c1"}`],
  ["upgrade-format-version", `{"action": "upgrade-format-version", "format-version": 3}`],
  ["add-schema", `{"action": "add-schema", "schema": ${SCHEMA}}`],
  ["add-schema with last-column-id", `{"action": "add-schema", "schema": ${SCHEMA}, "last-column-id": 4}`],
  ["set-current-schema", `{"action": "set-current-schema", "schema-id": -1}`],
  ["add-spec", `{"action": "add-spec", "spec": {"spec-id": 1, "fields": [{"name": "id_bucket_16", "transform": "bucket[16]", "source-id": 1, "field-id": 1000}]}}`],
  ["add-spec without ids", `{"action": "add-spec", "spec": {"fields": [{"name": "ts_day", "transform": "day", "source-id": 3}, {"name": "id", "transform": "identity", "source-id": 1, "field-id": 1004}]}}`],
  ["set-default-spec", `{"action": "set-default-spec", "spec-id": 1}`],
  ["add-sort-order", `{"action": "add-sort-order", "sort-order": {"order-id": 1, "fields": [{"transform": "identity", "source-id": 1, "direction": "desc", "null-order": "nulls-last"}]}}`],
  ["set-default-sort-order", `{"action": "set-default-sort-order", "sort-order-id": -1}`],
  ["add-snapshot", `{"action": "add-snapshot", "snapshot": {"snapshot-id": 3055729675574597004, "parent-snapshot-id": 3051729675574597004, "sequence-number": 2, "timestamp-ms": 1555100955770, "manifest-list": "s3://b/snap-1.avro", "summary": {"operation": "append", "added-files": "3"}, "schema-id": 1}}`],
  ["add-snapshot v3", `{"action": "add-snapshot", "snapshot": {"snapshot-id": 7, "sequence-number": 1, "timestamp-ms": 1, "manifest-list": "s3://b/snap-7.avro", "summary": {"operation": "overwrite"}, "first-row-id": 0, "added-rows": 10}}`],
  ["set-snapshot-ref branch", `{"action": "set-snapshot-ref", "ref-name": "main", "snapshot-id": 3055729675574597004, "type": "branch", "min-snapshots-to-keep": 5, "max-snapshot-age-ms": 86400000, "max-ref-age-ms": 604800000}`],
  ["set-snapshot-ref tag", `{"action": "set-snapshot-ref", "ref-name": "v1.0", "snapshot-id": 9223372036854775807, "type": "tag"}`],
  ["remove-snapshots", `{"action": "remove-snapshots", "snapshot-ids": [1, 3055729675574597004]}`],
  ["remove-snapshot-ref", `{"action": "remove-snapshot-ref", "ref-name": "audit"}`],
  ["set-location", `{"action": "set-location", "location": "s3://b/moved"}`],
  ["set-properties", `{"action": "set-properties", "updates": {"owner": "tarn", "write.format.default": "parquet"}}`],
  ["remove-properties", `{"action": "remove-properties", "removals": ["owner", "comment"]}`],
  ["set-statistics", `{"action": "set-statistics", "statistics": ${STATS}}`],
  ["set-statistics with snapshot-id", `{"action": "set-statistics", "snapshot-id": 3055729675574597004, "statistics": ${STATS}}`],
  ["remove-statistics", `{"action": "remove-statistics", "snapshot-id": 3055729675574597004}`],
  ["set-partition-statistics", `{"action": "set-partition-statistics", "partition-statistics": {"snapshot-id": 3055729675574597004, "statistics-path": "s3://b/p.parquet", "file-size-in-bytes": 43}}`],
  ["remove-partition-statistics", `{"action": "remove-partition-statistics", "snapshot-id": 3055729675574597004}`],
  ["remove-partition-specs", `{"action": "remove-partition-specs", "spec-ids": [0, 2]}`],
  ["remove-schemas", `{"action": "remove-schemas", "schema-ids": [0]}`],
  ["add-encryption-key", `{"action": "add-encryption-key", "encryption-key": {"key-id": "k1", "encrypted-key-metadata": "c2VjcmV0", "encrypted-by-id": "kms", "properties": {"a": "b"}}}`],
  ["remove-encryption-key", `{"action": "remove-encryption-key", "key-id": "k1"}`],
];

// biome-ignore format: one case a line
const REQUIREMENTS: [string, string][] = [
  ["assert-create", `{"type": "assert-create"}`],
  ["assert-table-uuid", `{"type": "assert-table-uuid", "uuid": "9c12d441-03fe-4693-9a96-a0705ddf69c1"}`],
  ["assert-ref-snapshot-id", `{"type": "assert-ref-snapshot-id", "ref": "main", "snapshot-id": 3055729675574597004}`],
  ["assert-ref-snapshot-id null", `{"type": "assert-ref-snapshot-id", "ref": "audit", "snapshot-id": null}`],
  ["assert-last-assigned-field-id", `{"type": "assert-last-assigned-field-id", "last-assigned-field-id": 16}`],
  ["assert-current-schema-id", `{"type": "assert-current-schema-id", "current-schema-id": 2}`],
  ["assert-last-assigned-partition-id", `{"type": "assert-last-assigned-partition-id", "last-assigned-partition-id": 1001}`],
  ["assert-default-spec-id", `{"type": "assert-default-spec-id", "default-spec-id": 1}`],
  ["assert-default-sort-order-id", `{"type": "assert-default-sort-order-id", "default-sort-order-id": 0}`],
];

describe("updates round-trip through the REST JSON", () => {
  it.each(UPDATES)("%s", (_, text) => {
    const json = parseJson(text);
    expectRestSchema("TableUpdate", json);
    const written = updateToJson(updateFromJson(json));
    expectRestSchema("TableUpdate", written);
    expect(plain(written)).toEqual(json);
  });

  it("covers every update action", () => {
    const actions = new Set(
      UPDATES.map(([, text]) => (parseJson(text) as { action: string }).action),
    );
    expect(actions.size).toBe(23);
  });

  it("keeps 64-bit ids exact", () => {
    const update = updateFromJson(parseJson(UPDATES[10][1]));
    expect(update).toMatchObject({
      snapshot: { snapshotId: 3055729675574597004n, parentSnapshotId: 3051729675574597004n },
    });
    const ids = updateFromJson(parseJson(UPDATES[14][1]));
    expect(ids).toEqual({ action: "remove-snapshots", snapshotIds: [1n, 3055729675574597004n] });
  });

  it("leaves field ids an add-spec omits unassigned", () => {
    const update = updateFromJson(parseJson(UPDATES[6][1]));
    expect(update).toEqual({
      action: "add-spec",
      spec: {
        fields: [
          { name: "ts_day", transform: "day", sourceId: 3 },
          { name: "id", transform: "identity", sourceId: 1, fieldId: 1004 },
        ],
      },
    });
  });

  it("reads a snapshot without a sequence number as a v1 snapshot", () => {
    const text = `{"action": "add-snapshot", "snapshot": {"snapshot-id": 5, "timestamp-ms": 1,
      "manifest-list": "m.avro", "summary": {"operation": "append"}}}`;
    expect(updateFromJson(parseJson(text))).toMatchObject({ snapshot: { sequenceNumber: 0 } });
  });
});

describe("requirements round-trip through the REST JSON", () => {
  it.each(REQUIREMENTS)("%s", (_, text) => {
    const json = parseJson(text);
    expectRestSchema("TableRequirement", json);
    const written = requirementToJson(requirementFromJson(json));
    expectRestSchema("TableRequirement", written);
    expect(plain(written)).toEqual(json);
  });

  it("tells a ref that must not exist from one at a snapshot", () => {
    expect(requirementFromJson(parseJson(REQUIREMENTS[3][1]))).toEqual({
      type: "assert-ref-snapshot-id",
      ref: "audit",
      snapshotId: null,
    });
    expect(requirementFromJson(parseJson(REQUIREMENTS[2][1]))).toMatchObject({
      snapshotId: 3055729675574597004n,
    });
  });
});

describe("a whole CommitTableRequest", () => {
  const body = `{"identifier": {"namespace": ["sales", "eu"], "name": "orders"},
    "requirements": [${REQUIREMENTS[1][1]}, ${REQUIREMENTS[2][1]}],
    "updates": [${UPDATES[10][1]}, ${UPDATES[12][1]}]}`;

  it("reads and writes back", () => {
    const json = parseJson(body);
    expectRestSchema("CommitTableRequest", json);
    const request = commitFromJson(json);
    expect(request.identifier).toEqual({ namespace: ["sales", "eu"], name: "orders" });
    expect(request.requirements).toHaveLength(2);
    expect(request.updates.map((u) => u.action)).toEqual(["add-snapshot", "set-snapshot-ref"]);
    const written = commitToJson(request);
    expectRestSchema("CommitTableRequest", written);
    expect(plain(written)).toEqual(json);
  });

  it("needs no identifier", () => {
    const request = commitFromJson(parseJson(`{"requirements": [], "updates": []}`));
    expect(request).toEqual({ requirements: [], updates: [] });
  });
});

describe("invalid bodies are refused, naming the field", () => {
  // biome-ignore format: one case a line
  const cases: [string, string, string][] = [
    ["not an object", `[]`, "expected an object, found an array"],
    ["no requirements", `{"updates": []}`, "requirements: missing required field"],
    ["updates not a list", `{"requirements": [], "updates": {}}`, "updates: expected an array, found an object"],
    ["an unknown requirement", `{"requirements": [{"type": "assert-nothing"}], "updates": []}`, 'requirements[0].type: unknown requirement type "assert-nothing" (expected one of assert-create,'],
    ["a requirement without type", `{"requirements": [{"ref": "main"}], "updates": []}`, "requirements[0].type: missing required field"],
    ["an unknown action", `{"requirements": [], "updates": [{"action": "drop-table"}]}`, 'updates[0].action: unknown update action "drop-table" (expected one of assign-uuid,'],
    ["a view update", `{"requirements": [], "updates": [{"action": "add-view-version"}]}`, 'updates[0].action: "add-view-version" is a view update, not a table update'],
    ["assert-ref-snapshot-id without snapshot-id", `{"requirements": [{"type": "assert-ref-snapshot-id", "ref": "main"}], "updates": []}`, "requirements[0].snapshot-id: missing required field (null asserts that the ref does not exist)"],
    ["a snapshot id as a string", `{"requirements": [{"type": "assert-ref-snapshot-id", "ref": "main", "snapshot-id": "12"}], "updates": []}`, 'requirements[0].snapshot-id: expected a 64-bit integer, found string "12"'],
    ["a schema id as a fraction", `{"requirements": [{"type": "assert-current-schema-id", "current-schema-id": 1.5}], "updates": []}`, "requirements[0].current-schema-id: expected an integer, found number 1.5"],
    ["a bad type in add-schema", `{"requirements": [], "updates": [{"action": "add-schema", "schema": {"type": "struct", "fields": [{"id": 1, "name": "a", "required": true, "type": "int64"}]}}]}`, "updates[0].schema.fields[0].type:"],
    ["a snapshot without summary", `{"requirements": [], "updates": [{"action": "add-snapshot", "snapshot": {"snapshot-id": 1, "timestamp-ms": 1, "manifest-list": "m"}}]}`, "updates[0].snapshot.summary: missing required field"],
    ["a snapshot with an unknown operation", `{"requirements": [], "updates": [{"action": "add-snapshot", "snapshot": {"snapshot-id": 1, "sequence-number": 1, "timestamp-ms": 1, "manifest-list": "m", "summary": {"operation": "merge"}}}]}`, 'updates[0].snapshot.summary.operation: unknown operation "merge"'],
    ["a ref of an unknown kind", `{"requirements": [], "updates": [{"action": "set-snapshot-ref", "ref-name": "x", "snapshot-id": 1, "type": "pointer"}]}`, 'updates[0].type: expected "branch" or "tag", found "pointer"'],
    ["a ref without a name", `{"requirements": [], "updates": [{"action": "set-snapshot-ref", "snapshot-id": 1, "type": "tag"}]}`, "updates[0].ref-name: missing required field"],
    ["an unsupported format version", `{"requirements": [], "updates": [{"action": "upgrade-format-version", "format-version": 4}]}`, "updates[0].format-version: unsupported format version 4 (supported: 1, 2, 3)"],
    ["a property that is no string", `{"requirements": [], "updates": [{"action": "set-properties", "updates": {"a": 1}}]}`, "updates[0].updates.a: expected a string, found number 1"],
    ["duplicate partition field names", `{"requirements": [], "updates": [{"action": "add-spec", "spec": {"fields": [{"name": "a", "transform": "identity", "source-id": 1}, {"name": "a", "transform": "day", "source-id": 2}]}}]}`, 'updates[0].spec.fields[1].name: duplicate partition field name "a"'],
    ["a sort order without order-id", `{"requirements": [], "updates": [{"action": "add-sort-order", "sort-order": {"fields": []}}]}`, "updates[0].sort-order.order-id: missing required field"],
    ["a removal list of numbers", `{"requirements": [], "updates": [{"action": "remove-properties", "removals": [1]}]}`, "updates[0].removals[0]: expected a string, found number 1"],
  ];

  it.each(cases)("%s", (_, text, message) => {
    const act = () => commitFromJson(parseJson(text));
    expect(act).toThrow(CommitValidationError);
    expect(act).toThrow(message);
  });

  it("carries the path of the field apart from the problem", () => {
    try {
      updateFromJson(parseJson(`{"action": "set-location"}`), "updates[4]");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CommitValidationError);
      expect(error).toMatchObject({
        path: "updates[4].location",
        problem: "missing required field",
      });
    }
  });
});
