import { describe, expect, it } from "vitest";
import type { Schema } from "@/lib/iceberg/spec";
import { diffSchemas } from "./schema-diff";

const v1: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "id", type: "int", required: true },
    { id: 2, name: "nm", type: "string", required: false },
    {
      id: 3,
      name: "address",
      type: {
        type: "struct",
        fields: [
          { id: 4, name: "city", type: "string", required: false },
          { id: 5, name: "zip", type: "string", required: false },
        ],
      },
      required: false,
    },
    {
      id: 6,
      name: "tags",
      type: { type: "list", elementId: 7, element: "string", elementRequired: false },
      required: false,
    },
    {
      id: 8,
      name: "legacy",
      type: { type: "struct", fields: [{ id: 9, name: "x", type: "int", required: false }] },
      required: false,
    },
  ],
};

const v2: Schema = {
  type: "struct",
  schemaId: 1,
  fields: [
    { id: 1, name: "id", type: "long", required: true, doc: "Order number" },
    { id: 2, name: "name", type: "string", required: true },
    {
      id: 3,
      name: "address",
      type: {
        type: "struct",
        fields: [
          { id: 4, name: "town", type: "string", required: false },
          { id: 10, name: "country", type: "string", required: false },
        ],
      },
      required: false,
    },
    {
      id: 6,
      name: "tags",
      type: { type: "list", elementId: 7, element: "string", elementRequired: true },
      required: false,
    },
    {
      id: 11,
      name: "attrs",
      type: {
        type: "map",
        keyId: 12,
        key: "string",
        valueId: 13,
        value: "int",
        valueRequired: false,
      },
      required: false,
    },
  ],
};

describe("diffSchemas", () => {
  it("reports each change by field id, nested fields included", () => {
    expect(diffSchemas(v1, v2)).toEqual([
      { kind: "type-changed", fieldId: 1, path: "id", from: "int", to: "long" },
      { kind: "doc-changed", fieldId: 1, path: "id", from: null, to: "Order number" },
      { kind: "renamed", fieldId: 2, from: "nm", to: "name" },
      { kind: "nullability-changed", fieldId: 2, path: "name", from: "optional", to: "required" },
      { kind: "renamed", fieldId: 4, from: "address.city", to: "address.town" },
      { kind: "added", fieldId: 10, path: "address.country", type: "string", required: false },
      {
        kind: "nullability-changed",
        fieldId: 7,
        path: "tags.element",
        from: "optional",
        to: "required",
      },
      { kind: "added", fieldId: 11, path: "attrs", type: "map<string, int>", required: false },
      { kind: "removed", fieldId: 5, path: "address.zip", type: "string" },
      { kind: "removed", fieldId: 8, path: "legacy", type: "struct" },
    ]);
  });

  it("finds nothing between a schema and itself, and reports a struct turned primitive", () => {
    expect(diffSchemas(v1, v1)).toEqual([]);
    const flat: Schema = {
      ...v1,
      fields: [{ id: 8, name: "legacy", type: "string", required: false }],
    };
    expect(diffSchemas(v1, flat).find((c) => c.fieldId === 8)).toEqual({
      kind: "type-changed",
      fieldId: 8,
      path: "legacy",
      from: "struct",
      to: "string",
    });
  });
});
