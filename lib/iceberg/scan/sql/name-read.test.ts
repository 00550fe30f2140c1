import { describe, expect, it } from "vitest";
import type { IcebergType, NestedField, PartitionSpec } from "../../spec";
import type { ParquetField } from "../parquet/schema";
import { emptyStats } from "../plan-scan";
import { tableMetadata } from "../testing/metadata-builder";
import type { PlannedFile, ScanPlan } from "../types";
import { type NameReadContext, planNameRead } from "./name-read";
import { scanReadModes, scanToSql } from "./scan-sql";
import { SchemaHistory } from "./schema-history";

const POINT: IcebergType = {
  type: "struct",
  fields: [
    { id: 3, name: "x", required: false, type: "double" },
    { id: 4, name: "y", required: false, type: "double" },
  ],
};
const ID: NestedField = { id: 1, name: "id", required: false, type: "long" };
const AT: NestedField = { id: 2, name: "at", required: false, type: POINT };
const TAG: NestedField = { id: 5, name: "tag", required: false, type: "uuid" };

const metadata = tableMetadata({
  schemas: [{ type: "struct", schemaId: 0, fields: [ID, AT, TAG] }],
  currentSchemaId: 0,
  lastColumnId: 5,
});
const context: NameReadContext = { history: SchemaHistory.of(metadata), reserved: [] };

function leaf(name: string, fieldId: number | undefined, physicalType = "INT64"): ParquetField {
  return {
    name,
    ...(fieldId === undefined ? {} : { fieldId }),
    repetition: "optional",
    physicalType: physicalType as ParquetField["physicalType"],
    children: [],
  };
}

function group(name: string, fieldId: number, children: ParquetField[]): ParquetField {
  return { name, fieldId, repetition: "optional", children };
}

const point = (...children: ParquetField[]) => group("at", 2, children);
const X = leaf("x", 3, "DOUBLE");
const Y = leaf("y", 4, "DOUBLE");

function file(parquetSchema?: ParquetField[], extra: Partial<PlannedFile> = {}): PlannedFile {
  return {
    content: "data",
    filePath: "/t/data/a.parquet",
    fileFormat: "parquet",
    partition: new Map(),
    recordCount: 1,
    fileSizeInBytes: 1,
    dataSequenceNumber: 1,
    specId: 0,
    location: "/t/data/a.parquet",
    localPath: "/t/data/a.parquet",
    ...(parquetSchema ? { parquetSchema } : {}),
    ...extra,
  };
}

const mode = (f: PlannedFile, fields = [ID, AT], spec?: PartitionSpec, ctx = context) =>
  planNameRead(fields, f, spec, ctx)?.mode ?? "field-id";

describe("name reads, proven from the file's footer", () => {
  it.each<[string, "union-by-name" | "field-id", ParquetField[]]>([
    ["the exact layout", "union-by-name", [leaf("id", 1), point(X, Y)]],
    ["a column stored under another name", "field-id", [leaf("ID", 1), point(X, Y)]],
    ["a nested field under another name", "field-id", [leaf("id", 1), point(X, leaf("why", 4))]],
    ["nested fields in another order", "field-id", [leaf("id", 1), point(Y, X)]],
    ["a nested field the type lacks", "field-id", [leaf("id", 1), point(X, Y, leaf("z", 9))]],
    ["a nested field the file lacks", "field-id", [leaf("id", 1), point(X)]],
    ["no field ids at all", "field-id", [leaf("id", undefined), leaf("at", undefined)]],
    ["two names equal but for case", "field-id", [leaf("id", 1), point(X, Y), leaf("AT", 7)]],
  ])("%s → %s", (_, expected, schema) => {
    expect(mode(file(schema))).toBe(expected);
  });

  it("reads a field the file lacks as its default, without asking for the column", () => {
    const read = planNameRead([ID, AT], file([leaf("id", 1)]), undefined, context);
    expect(read?.mode).toBe("union-by-name");
    expect(read?.values[1]).toMatch(/^CAST\(NULL AS STRUCT/);
    expect(read?.columns.map((c) => c.key)).toEqual(["id"]);
  });

  it("does not read a column of the field's name but another id: the field is absent", () => {
    const read = planNameRead([ID], file([leaf("id", 9)]), undefined, context);
    expect(read).toEqual({ mode: "union-by-name", columns: [], values: ["CAST(NULL AS BIGINT)"] });
  });

  it("reads a uuid by name only when the file marks it as one", () => {
    const fixed = leaf("tag", 5, "FIXED_LEN_BYTE_ARRAY");
    expect(mode(file([fixed]), [TAG])).toBe("field-id");
    expect(mode(file([{ ...fixed, annotation: "UUID" }]), [TAG])).toBe("union-by-name");
  });

  it("refuses a file holding a column named like one DuckDB adds", () => {
    const withRowNumber = file([leaf("id", 1), leaf("FILE_ROW_NUMBER", 8)]);
    expect(mode(withRowNumber, [ID])).toBe("union-by-name");
    expect(
      mode(withRowNumber, [ID], undefined, { ...context, reserved: ["file_row_number"] }),
    ).toBe("field-id");
  });

  it("keeps files that store a column differently in different reads", () => {
    const int64 = planNameRead([ID], file([leaf("id", 1, "INT64")]), undefined, context);
    const int32 = planNameRead([ID], file([leaf("id", 1, "INT32")]), undefined, context);
    expect(JSON.stringify(int64)).not.toBe(JSON.stringify(int32));
  });
});

describe("name reads, proven from the schema history (no footer)", () => {
  it("reads files written since the table is v2", () => {
    expect(mode(file(), [ID])).toBe("union-by-name");
    expect(mode(file(undefined, { dataSequenceNumber: 0 }), [ID])).toBe("field-id");
  });

  it("takes identity-partition values from the manifest on both paths", () => {
    const spec: PartitionSpec = {
      specId: 0,
      fields: [{ sourceId: 1, fieldId: 1000, name: "id", transform: "identity" }],
    };
    const partitioned = file(undefined, { partition: new Map([[1000, 7n]]) });
    const read = planNameRead([ID], partitioned, spec, context);
    expect(read).toEqual({ mode: "union-by-name", columns: [], values: ["CAST(7 AS BIGINT)"] });
  });
});

/** A plan reading `columns` of these files, none with deletes. */
function scanPlan(meta: typeof metadata, columns: NestedField[], files: PlannedFile[]): ScanPlan {
  const tasks = files.map((dataFile) => ({
    dataFile,
    deletes: { positionDeletes: [], equalityDeletes: [] },
  }));
  return { metadata: meta, schema: meta.schemas[0], columns, tasks, stats: emptyStats() };
}

describe("scanReadModes", () => {
  const plan = (files: number) =>
    scanPlan(
      metadata,
      [ID],
      Array.from({ length: files }, (_, i) =>
        file(undefined, { localPath: `/t/data/${i}.parquet` }),
      ),
    );

  it("reads by name up to 256 files, by field id beyond (files spread over threads anyway)", () => {
    expect(scanReadModes(plan(256))).toEqual(["union-by-name"]);
    expect(scanReadModes(plan(257))).toEqual(["field-id"]);
  });

  it("reads by field id when asked to", () => {
    expect(scanReadModes(plan(1), { fieldIdsOnly: true })).toEqual(["field-id"]);
  });
});

describe("the empty branch of a name read", () => {
  const NAME: NestedField = { id: 2, name: "name", required: false, type: "string" };
  const plain = tableMetadata({
    schemas: [{ type: "struct", schemaId: 0, fields: [ID, NAME] }],
    currentSchemaId: 0,
    lastColumnId: 2,
  });
  const planOf = (files: PlannedFile[], columns = [ID, NAME]) => scanPlan(plain, columns, files);
  const counts = (...ids: number[]) => ({ valueCounts: new Map(ids.map((id) => [id, 1])) });
  const nullColumns = (files: PlannedFile[]) =>
    /UNION ALL BY NAME SELECT (.*) WHERE false/.exec(scanToSql(planOf(files)))?.[1];

  it("names every column when no file has metrics", () => {
    expect(nullColumns([file()])).toBe(
      'CAST(NULL AS BIGINT) AS "id", CAST(NULL AS VARCHAR) AS "name"',
    );
  });

  it("names only the columns no file of the group has metrics for", () => {
    expect(nullColumns([file(undefined, counts(1)), file(undefined, counts())])).toBe(
      'CAST(NULL AS VARCHAR) AS "name"',
    );
    expect(nullColumns([file(undefined, { nullValueCounts: new Map([[2, 0]]) })])).toBe(
      'CAST(NULL AS BIGINT) AS "id"',
    );
  });

  it("is left out when some file of the group has each column (its filters then use the files' statistics)", () => {
    const sql = scanToSql(planOf([file(undefined, counts(1)), file(undefined, counts(2))]));
    expect(sql).toContain("union_by_name = true");
    expect(sql).not.toContain("UNION ALL BY NAME");
  });

  it("and with no deletes to apply, the relation is the data files' rows under the columns' names", () => {
    const sql = scanToSql(planOf([file(undefined, counts(1, 2))]));
    expect(sql).toMatch(
      /^\(SELECT CAST\("id" AS BIGINT\) AS "id", CAST\("name" AS VARCHAR\) AS "name" FROM read_parquet\(/,
    );
    expect(sql).not.toContain("WITH");
  });

  it("is left out when the footers show the columns, a struct's too", () => {
    const sql = scanToSql({
      ...planOf([file([leaf("id", 1), point(X, Y)])], [ID, AT]),
      metadata,
      schema: metadata.schemas[0],
    });
    expect(sql).toContain("union_by_name = true");
    expect(sql).not.toContain("UNION ALL BY NAME");
  });
});
