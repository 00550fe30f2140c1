import { describe, expect, it } from "vitest";
import type { Schema } from "@/lib/iceberg/spec";
import { externalTableDdl, icebergTableDdl } from "./ddl-text";
import { sparkTypeOfDisplay } from "./spark-sql";

const schema: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "order_id", type: "long", required: true, doc: "The order's number" },
    { id: 2, name: "order_date", type: "date", required: false },
    { id: 3, name: "amount", type: "decimal(12, 2)", required: false },
    { id: 4, name: "placed at", type: "timestamptz", required: false },
    {
      id: 5,
      name: "items",
      type: {
        type: "list",
        elementId: 6,
        element: {
          type: "struct",
          fields: [
            { id: 7, name: "sku", type: "string", required: true },
            { id: 8, name: "qty", type: "int", required: false, doc: "How many" },
          ],
        },
        elementRequired: false,
      },
      required: false,
    },
    {
      id: 9,
      name: "attrs",
      type: {
        type: "map",
        keyId: 10,
        key: "string",
        valueId: 11,
        value: "uuid",
        valueRequired: false,
      },
      required: false,
    },
    { id: 12, name: "local_ts", type: "timestamp", required: false },
  ],
};

describe("icebergTableDdl", () => {
  it("writes a Spark CREATE TABLE with types, comments, transforms and properties", () => {
    const ddl = icebergTableDdl({
      name: ["lake", "sales", "orders"],
      schema,
      spec: {
        specId: 0,
        fields: [
          { sourceId: 2, fieldId: 1000, name: "order_date_month", transform: "month" },
          { sourceId: 1, fieldId: 1001, name: "b", transform: "bucket[16]" },
          { sourceId: 3, fieldId: 1002, name: "v", transform: "void" },
        ],
      },
      sortOrder: {
        orderId: 1,
        fields: [
          { sourceId: 2, transform: "identity", direction: "desc", nullOrder: "nulls-last" },
        ],
      },
      formatVersion: 2,
      properties: {
        comment: "All orders, it's true",
        "write.parquet.compression-codec": "zstd",
        owner: "ana",
      },
    });
    expect(ddl).toBe(
      [
        "CREATE TABLE lake.sales.orders (",
        "  order_id BIGINT NOT NULL COMMENT 'The order\\'s number',",
        "  order_date DATE,",
        "  amount DECIMAL(12, 2),",
        "  `placed at` TIMESTAMP,",
        "  items ARRAY<STRUCT<sku: STRING NOT NULL, qty: INT COMMENT 'How many'>>,",
        "  attrs MAP<STRING, STRING>,",
        "  local_ts TIMESTAMP_NTZ",
        ")",
        "USING iceberg",
        "PARTITIONED BY (month(order_date), bucket(16, order_id))",
        "COMMENT 'All orders, it\\'s true'",
        "TBLPROPERTIES (",
        "  'format-version' = '2',",
        "  'owner' = 'ana',",
        "  'write.parquet.compression-codec' = 'zstd'",
        ");",
        "ALTER TABLE lake.sales.orders WRITE ORDERED BY order_date DESC NULLS LAST;",
      ].join("\n"),
    );
  });

  it("quotes odd names and names nested partition sources by their path", () => {
    const nested: Schema = {
      type: "struct",
      schemaId: 0,
      fields: [
        {
          id: 1,
          name: "a",
          type: {
            type: "struct",
            fields: [{ id: 2, name: "ts", type: "timestamp", required: false }],
          },
          required: false,
        },
      ],
    };
    const ddl = icebergTableDdl({
      name: ["my/cat", "ns", "t`x"],
      schema: nested,
      spec: { specId: 0, fields: [{ sourceId: 2, fieldId: 1000, name: "d", transform: "day" }] },
      formatVersion: 3,
      properties: {},
    });
    expect(ddl.split("\n")[0]).toBe("CREATE TABLE `my/cat`.ns.`t``x` (");
    expect(ddl).toContain("PARTITIONED BY (day(a.ts))");
  });
});

describe("externalTableDdl", () => {
  it("writes a Spark table over the files, partition columns named", () => {
    const ddl = externalTableDdl({
      name: ["files", "raw", "events"],
      columns: [
        { name: "month", type: "string", partition: true },
        { name: "id", type: "long", partition: false },
        { name: "tags", type: "list<struct<k: string, v: decimal(9, 2)>>", partition: false },
      ],
      format: "csv",
      location: "/data/events",
      options: { delimiter: ";", hivePartitioning: true },
    });
    expect(ddl).toBe(
      [
        "CREATE TABLE files.raw.events (",
        "  id BIGINT,",
        "  tags ARRAY<STRUCT<k: STRING, v: DECIMAL(9, 2)>>,",
        "  month STRING",
        ")",
        "USING csv",
        "PARTITIONED BY (month)",
        "OPTIONS ('delimiter' = ';')",
        "LOCATION '/data/events';",
      ].join("\n"),
    );
  });

  it("maps display types back to Spark", () => {
    expect(sparkTypeOfDisplay("map<string, list<long>>")).toBe("MAP<STRING, ARRAY<BIGINT>>");
    expect(sparkTypeOfDisplay("interval")).toBe("INTERVAL");
  });
});
