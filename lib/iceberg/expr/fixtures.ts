import type { Schema } from "../spec/types";

/** A schema with one column of most types, shared by the expr tests. */
export const TEST_SCHEMA: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "id", required: true, type: "long" },
    { id: 2, name: "count", required: false, type: "int" },
    { id: 3, name: "name", required: false, type: "string" },
    { id: 4, name: "price", required: false, type: "decimal(9,2)" },
    { id: 5, name: "score", required: false, type: "double" },
    { id: 6, name: "day", required: false, type: "date" },
    { id: 7, name: "ts", required: false, type: "timestamptz" },
    { id: 8, name: "uid", required: false, type: "uuid" },
    { id: 9, name: "blob", required: false, type: "binary" },
    {
      id: 10,
      name: "address",
      required: false,
      type: {
        type: "struct",
        fields: [
          { id: 11, name: "city", required: false, type: "string" },
          { id: 12, name: "Zip", required: false, type: "int" },
        ],
      },
    },
    {
      id: 13,
      name: "tags",
      required: false,
      type: { type: "list", elementId: 14, element: "string", elementRequired: false },
    },
  ],
};
