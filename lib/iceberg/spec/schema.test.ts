import { describe, expect, it } from "vitest";
import { parseJson } from "./json";
import {
  allFields,
  assignFreshIds,
  findFieldById,
  findFieldByName,
  findFieldByNameIgnoreCase,
  highestFieldId,
  indexFieldsById,
} from "./schema";
import { schemaToString } from "./schema-format";
import { readSchema } from "./schema-json";
import { isPromotionAllowed, sameType } from "./type-promotion";
import type { StructType } from "./types";

const schema = readSchema(
  parseJson(`{
    "type": "struct", "schema-id": 3, "identifier-field-ids": [1],
    "fields": [
      {"id": 1, "name": "id", "required": true, "type": "long"},
      {"id": 2, "name": "Location", "required": false, "type": {"type": "struct", "fields": [
        {"id": 3, "name": "lat", "required": true, "type": "double"},
        {"id": 4, "name": "lon", "required": true, "type": "double", "doc": "degrees east"}
      ]}},
      {"id": 5, "name": "tags", "required": false,
       "type": {"type": "list", "element-id": 6, "element": "string", "element-required": true}},
      {"id": 7, "name": "attrs", "required": false, "type": {"type": "map",
        "key-id": 8, "key": "string", "value-id": 9, "value-required": false,
        "value": {"type": "list", "element-id": 10, "element": "int", "element-required": false}}}
    ]
  }`),
  "schema",
);

describe("field lookup", () => {
  it("indexes every field by id, nested ones included", () => {
    expect([...indexFieldsById(schema).keys()].sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(findFieldById(schema, 4)).toMatchObject({
      fullName: "Location.lon",
      type: "double",
      required: true,
      parentId: 2,
    });
    expect(findFieldById(schema, 4)?.field?.doc).toBe("degrees east");
    expect(findFieldById(schema, 10)).toMatchObject({
      fullName: "attrs.value.element",
      parentId: 9,
    });
    expect(findFieldById(schema, 11)).toBeUndefined();
  });

  it("lists fields parent first", () => {
    expect(allFields(schema).map((f) => f.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it.each([
    ["id", 1],
    ["Location.lat", 3],
    ["tags.element", 6],
    ["attrs.key", 8],
    ["attrs.value.element", 10],
    ["location.lat", undefined],
    ["Location", 2],
    ["nope", undefined],
  ])("finds %s case-sensitively → %s", (name, id) => {
    expect(findFieldByName(schema, name)?.id).toBe(id);
  });

  it.each([
    ["LOCATION.LAT", 3],
    ["location.Lon", 4],
    ["ID", 1],
  ])("finds %s case-insensitively → %s", (name, id) => {
    expect(findFieldByNameIgnoreCase(schema, name)?.id).toBe(id);
  });

  it("refuses a case-insensitive name that matches two columns", () => {
    const twins: StructType = {
      type: "struct",
      fields: [
        { id: 1, name: "a", required: false, type: "int" },
        { id: 2, name: "A", required: false, type: "int" },
      ],
    };
    expect(findFieldByName(twins, "A")?.id).toBe(2);
    expect(() => findFieldByNameIgnoreCase(twins, "a")).toThrow(
      "ambiguous field name, matches a, A",
    );
  });

  it("knows the highest field id", () => {
    expect(highestFieldId(schema)).toBe(10);
    expect(highestFieldId({ type: "struct", fields: [] })).toBe(0);
    expect(highestFieldId("long")).toBe(0);
  });
});

describe("assignFreshIds", () => {
  it("numbers a struct's fields before their children, and moves identifier ids along", () => {
    const { schema: fresh, lastColumnId } = assignFreshIds(schema);
    expect(lastColumnId).toBe(10);
    expect(fresh.schemaId).toBe(0);
    expect(fresh.fields.map((f) => [f.name, f.id])).toEqual([
      ["id", 1],
      ["Location", 2],
      ["tags", 3],
      ["attrs", 4],
    ]);
    expect(findFieldByName(fresh, "Location.lat")?.id).toBe(5);
    expect(findFieldByName(fresh, "tags.element")?.id).toBe(7);
    expect(findFieldByName(fresh, "attrs.key")?.id).toBe(8);
    expect(findFieldByName(fresh, "attrs.value.element")?.id).toBe(10);
    expect(fresh.identifierFieldIds).toEqual([1]);
  });

  it("continues after a given last column id", () => {
    const input: StructType & { identifierFieldIds: number[] } = {
      type: "struct",
      identifierFieldIds: [-1],
      fields: [
        { id: -1, name: "k", required: true, type: "string" },
        { id: -2, name: "v", required: false, type: "long" },
      ],
    };
    const { schema: fresh, lastColumnId } = assignFreshIds(input, {
      lastColumnId: 40,
      schemaId: 2,
    });
    expect(fresh).toEqual({
      type: "struct",
      schemaId: 2,
      identifierFieldIds: [41],
      fields: [
        { id: 41, name: "k", required: true, type: "string" },
        { id: 42, name: "v", required: false, type: "long" },
      ],
    });
    expect(lastColumnId).toBe(42);
  });
});

describe("type promotion", () => {
  it.each([
    ["int", "long", 2, true],
    ["float", "double", 2, true],
    ["decimal(9, 2)", "decimal(18, 2)", 2, true],
    ["decimal(9,2)", "decimal(9, 2)", 2, true],
    ["long", "long", 1, true],
    ["long", "int", 2, false],
    ["double", "float", 2, false],
    ["int", "double", 2, false],
    ["decimal(9, 2)", "decimal(18, 3)", 2, false],
    ["decimal(18, 2)", "decimal(9, 2)", 2, false],
    ["date", "timestamp", 2, false],
    ["date", "timestamp", 3, true],
    ["date", "timestamp_ns", 3, true],
    ["date", "timestamptz", 3, false],
    ["date", "timestamptz_ns", 3, false],
    ["timestamp", "timestamp_ns", 3, false],
    ["unknown", "string", 3, true],
    ["string", "binary", 3, false],
    ["fixed[16]", "binary", 2, false],
  ] as const)("%s → %s in v%i: %s", (from, to, version, allowed) => {
    expect(isPromotionAllowed(from, to, version)).toBe(allowed);
  });

  it("lets unknown become a nested type in v3 only", () => {
    const list = { type: "list", elementId: 2, element: "int", elementRequired: false } as const;
    expect(isPromotionAllowed("unknown", list, 3)).toBe(true);
    expect(isPromotionAllowed("unknown", list, 2)).toBe(false);
    expect(isPromotionAllowed(list, "string", 3)).toBe(false);
  });

  it("compares nested types structurally", () => {
    expect(
      sameType(
        schema,
        readSchema(parseJson(JSON.stringify({ type: "struct", "schema-id": 9, fields: [] })), "s"),
      ),
    ).toBe(false);
    expect(sameType(schema.fields[3].type, structuredClone(schema.fields[3].type))).toBe(true);
  });
});

describe("schemaToString", () => {
  it("prints one top-level column a line", () => {
    expect(schemaToString(schema)).toBe(
      [
        "table {",
        "  1: id: required long",
        "  2: Location: optional struct<3: lat: required double, 4: lon: required double (degrees east)>",
        "  5: tags: optional list<6: element: required string>",
        "  7: attrs: optional map<8: key: required string, 9: value: optional list<10: element: optional int>>",
        "}",
      ].join("\n"),
    );
  });
});
