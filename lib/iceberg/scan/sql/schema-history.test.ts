import { describe, expect, it } from "vitest";
import type { IcebergType, NestedField, Schema } from "../../spec";
import { tableMetadata } from "../testing/metadata-builder";
import { type NameReadRefusal, SchemaHistory } from "./schema-history";

type Column = [id: number, name: string, type?: IcebergType, extra?: Partial<NestedField>];

const field = ([id, name, type = "long", extra]: Column): NestedField => ({
  id,
  name,
  type,
  required: false,
  ...extra,
});

/** Metadata whose schemas 0, 1, … hold these columns; last-column-id is the highest id. */
function history(schemas: Column[][], overrides: Parameters<typeof tableMetadata>[0] = {}) {
  const built: Schema[] = schemas.map((columns, schemaId) => ({
    type: "struct",
    schemaId,
    fields: columns.map(field),
  }));
  const lastColumnId = Math.max(...schemas.flat().map(([id]) => id));
  return SchemaHistory.of(
    tableMetadata({
      schemas: built,
      currentSchemaId: built.length - 1,
      lastColumnId,
      ...overrides,
    }),
  );
}

const STRUCT: IcebergType = {
  type: "struct",
  fields: [{ id: 2, name: "x", required: false, type: "int" }],
};

// Each case: the schema history, the column read (as the scan's schema has it), the verdict.
const cases: Array<[string, Column[][], Column, NameReadRefusal | undefined]> = [
  ["one schema", [[[1, "a"]]], [1, "a"], undefined],
  [
    "a column added later",
    [
      [[1, "a"]],
      [
        [1, "a"],
        [2, "b"],
      ],
    ],
    [2, "b"],
    undefined,
  ],
  [
    "another column renamed",
    [
      [
        [1, "a"],
        [2, "b"],
      ],
      [
        [1, "a"],
        [2, "c"],
      ],
    ],
    [1, "a"],
    undefined,
  ],
  ["renamed", [[[1, "a"]], [[1, "b"]]], [1, "b"], "renamed"],
  ["read by its old name (time travel)", [[[1, "a"]], [[1, "b"]]], [1, "a"], "renamed"],
  ["renamed in case only", [[[1, "a"]], [[1, "A"]]], [1, "A"], "renamed"],
  ["dropped and re-added: a new id", [[[1, "a"]], [[2, "a"]]], [2, "a"], "name-reused"],
  [
    "a new id under the old name in another case",
    [[[1, "A"]], [[2, "a"]]],
    [2, "a"],
    "name-reused",
  ],
  [
    "renamed, its old name given to another",
    [
      [[1, "a"]],
      [
        [1, "b"],
        [2, "a"],
      ],
    ],
    [2, "a"],
    "name-reused",
  ],
  [
    "int promoted to long",
    [[[1, "a", "int"]], [[1, "a", "long"]]],
    [1, "a", "long"],
    "type-changed",
  ],
  [
    "decimal widened",
    [[[1, "a", "decimal(9, 2)"]], [[1, "a", "decimal(18, 2)"]]],
    [1, "a", "decimal(18, 2)"],
    "type-changed",
  ],
  [
    "initial default (v3)",
    [
      [[1, "a"]],
      [
        [1, "a"],
        [2, "b", "int", { initialDefault: 7 }],
      ],
    ],
    [2, "b", "int", { initialDefault: 7 }],
    "initial-default",
  ],
  ["uuid", [[[1, "a", "uuid"]]], [1, "a", "uuid"], "type-not-plain"],
  [
    "nanosecond timestamp",
    [[[1, "a", "timestamp_ns"]]],
    [1, "a", "timestamp_ns"],
    "type-not-plain",
  ],
  ["struct", [[[1, "s", STRUCT]]], [1, "s", STRUCT], "type-not-plain"],
  [
    "names equal but for case",
    [
      [
        [1, "a"],
        [2, "A"],
      ],
    ],
    [1, "a"],
    "case-duplicates",
  ],
];

describe("SchemaHistory: may a column be read by name?", () => {
  it.each(cases)("%s", (_, schemas, column, refusal) => {
    expect(history(schemas).refusal(field(column))).toBe(refusal);
  });

  it.each([
    ["primitive types DuckDB reads as they are", ["boolean", "int", "date", "timestamptz"]],
    ["more of them", ["decimal(38, 10)", "fixed[3]", "binary", "string", "time", "double"]],
  ])("accepts %s", (_, types) => {
    for (const type of types) {
      expect(history([[[1, "a", type]]]).refusal(field([1, "a", type]))).toBeUndefined();
    }
  });
});

describe("SchemaHistory: what refuses a whole table", () => {
  it.each<[string, SchemaHistory]>([
    [
      "a removed schema (ids 0 and 2)",
      history([[[1, "a"]], [[1, "a"]], [[1, "a"]]], {
        schemas: [0, 2].map((schemaId) => ({
          type: "struct",
          schemaId,
          fields: [field([1, "a"])],
        })),
      }),
    ],
    [
      "a field id no schema has (2 of 3)",
      history([
        [
          [1, "a"],
          [3, "c"],
        ],
      ]),
    ],
    ["last-column-id above every field id", history([[[1, "a"]]], { lastColumnId: 2 })],
    [
      "a name mapping",
      history([[[1, "a"]]], {
        properties: { "schema.name-mapping.default": '[{"field-id": 1, "names": ["a"]}]' },
      }),
    ],
  ])("%s", (_, refused) => {
    expect(refused.tableRefusal).toBeDefined();
    expect(refused.refusal(field([1, "a"]))).toBe(refused.tableRefusal);
  });

  it("knows the names every schema used, in any case", () => {
    const h = history([
      [[1, "File_Row_Number"]],
      [
        [1, "File_Row_Number"],
        [2, "b"],
      ],
    ]);
    expect(h.hasName("file_row_number")).toBe(true);
    expect(h.hasName("c")).toBe(false);
  });
});
