import { describe, expect, it } from "vitest";
import { expectRestSchema } from "../../../tests/support/rest-spec";
import { allFields, parseJson, stringifyJson } from "../spec";
import { applyUpdates } from "./apply";
import { CommitValidationError } from "./errors";
import { commitFromJson, commitToJson } from "./json";
import { type NewTableOptions, newTableMetadata } from "./new-table";
import { checkRequirements } from "./requirements";
import { expectWritable, T0, UUID } from "./test-support";

/** A schema as a client might hand it over: ids that only tie the spec and order to columns. */
const options: NewTableOptions = {
  location: "s3://warehouse/db/t/",
  schema: {
    type: "struct",
    identifierFieldIds: [40],
    fields: [
      {
        id: 10,
        name: "point",
        required: false,
        type: {
          type: "struct",
          fields: [
            { id: 11, name: "x", required: false, type: "double" },
            { id: 12, name: "y", required: false, type: "double" },
          ],
        },
      },
      {
        id: 20,
        name: "tags",
        required: false,
        type: { type: "list", elementId: 21, element: "string", elementRequired: true },
      },
      { id: 30, name: "ts", required: false, type: "timestamp" },
      { id: 40, name: "id", required: true, type: "long" },
    ],
  },
  partitionSpec: {
    specId: 7,
    fields: [
      { sourceId: 30, fieldId: 5000, name: "ts_day", transform: "day" },
      { sourceId: 40, name: "id_bucket_8", transform: "bucket[8]" },
    ],
  },
  sortOrder: {
    orderId: 4,
    fields: [{ sourceId: 11, transform: "identity", direction: "asc", nullOrder: "nulls-first" }],
  },
  properties: { owner: "tarn", "format-version": "1", uuid: "ignored" },
  formatVersion: 2,
  uuid: UUID,
  now: T0,
};

describe("newTableMetadata", () => {
  const { metadata, commit } = newTableMetadata(options);

  it("assigns fresh ids, top-level columns first, as Java does", () => {
    const ids = allFields(metadata.schemas[0]).map((f) => `${f.id}:${f.fullName}`);
    expect(ids).toEqual([
      "1:point",
      "5:point.x",
      "6:point.y",
      "2:tags",
      "7:tags.element",
      "3:ts",
      "4:id",
    ]);
    expect(metadata.lastColumnId).toBe(7);
    expect(metadata.schemas[0].identifierFieldIds).toEqual([4]);
  });

  it("re-maps partition and sort sources onto the fresh ids, partition field ids from 1000", () => {
    expect(metadata.partitionSpecs).toEqual([
      {
        specId: 0,
        fields: [
          { sourceId: 3, fieldId: 1000, name: "ts_day", transform: "day" },
          { sourceId: 4, fieldId: 1001, name: "id_bucket_8", transform: "bucket[8]" },
        ],
      },
    ]);
    expect(metadata.lastPartitionId).toBe(1001);
    expect(metadata.sortOrders).toEqual([
      { orderId: 1, fields: [{ ...options.sortOrder?.fields[0], sourceId: 5 }] },
    ]);
    expect(metadata.defaultSortOrderId).toBe(1);
  });

  it("fills in the rest of a new table", () => {
    expect(metadata).toMatchObject({
      formatVersion: 2,
      tableUuid: UUID,
      location: "s3://warehouse/db/t",
      lastSequenceNumber: 0,
      lastUpdatedMs: T0,
      currentSchemaId: 0,
      defaultSpecId: 0,
      properties: { owner: "tarn" },
      snapshots: [],
      refs: {},
      snapshotLog: [],
      metadataLog: [],
    });
    expect(metadata.currentSnapshotId).toBeUndefined();
    expectWritable(metadata);
  });

  it("equals its own commit applied to nothing", () => {
    checkRequirements(null, commit.requirements);
    expect(commit.requirements).toEqual([{ type: "assert-create" }]);
    expect(applyUpdates(null, commit.updates, { now: T0 })).toEqual(metadata);
  });

  it("equals its commit sent as REST JSON and applied to nothing", () => {
    const json = parseJson(stringifyJson(commitToJson(commit)));
    expectRestSchema("CommitTableRequest", json);
    const received = commitFromJson(json);
    expect(applyUpdates(null, received.updates, { now: T0 })).toEqual(metadata);
  });

  it("takes the format version from the format-version property", () => {
    const v1 = newTableMetadata({ ...options, formatVersion: undefined });
    expect(v1.metadata.formatVersion).toBe(1);
    expect(v1.metadata.properties).toEqual({ owner: "tarn" });
    expectWritable(v1.metadata);
    const plain = newTableMetadata({ ...options, formatVersion: undefined, properties: {} });
    expect(plain.metadata.formatVersion).toBe(2);
  });

  it("is unpartitioned and unsorted without a spec or order", () => {
    const { metadata: bare } = newTableMetadata({
      location: "/t",
      schema: options.schema,
      now: T0,
    });
    expect(bare.partitionSpecs).toEqual([{ specId: 0, fields: [] }]);
    expect(bare.lastPartitionId).toBe(999);
    expect(bare.sortOrders).toEqual([{ orderId: 0, fields: [] }]);
    expect(bare.tableUuid).not.toBe(UUID);
  });

  it("works for v3 tables", () => {
    const { metadata: v3 } = newTableMetadata({ ...options, formatVersion: 3 });
    expect(v3).toMatchObject({ formatVersion: 3, nextRowId: 0 });
    expectWritable(v3);
  });

  it("refuses a spec over a column the schema does not have", () => {
    const bad = {
      ...options,
      partitionSpec: { fields: [{ sourceId: 99, name: "x", transform: "identity" }] },
    };
    expect(() => newTableMetadata(bad)).toThrow(CommitValidationError);
    expect(() => newTableMetadata(bad)).toThrow(
      "partition field x: source column 99 is not in the schema",
    );
  });

  it("refuses a transform that does not fit its column", () => {
    const bad = {
      ...options,
      partitionSpec: { fields: [{ sourceId: 11, name: "x", transform: "hour" }] },
    };
    expect(() => newTableMetadata(bad)).toThrow("hour cannot apply to point.x of type double");
  });
});
