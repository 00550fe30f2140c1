/** A small partitioned "orders" table and its rows, for row-level tests. Test support only. */
import type { Schema } from "../../spec/types";

export const ORDERS_SCHEMA: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "id", required: true, type: "long" },
    { id: 2, name: "region", required: false, type: "string" },
    { id: 3, name: "amount", required: false, type: "double" },
    { id: 4, name: "note", required: false, type: "string" },
  ],
};

export const BY_REGION = [{ sourceId: 2, name: "region", transform: "identity" }];

/** 400 rows over four regions (and NULL), with NULL and NaN amounts. */
export const ORDERS_SQL = `SELECT
    range AS id,
    CASE WHEN range % 17 = 0 THEN NULL ELSE ['north', 'south', 'east', 'west'][range % 4 + 1] END AS region,
    CASE WHEN range % 19 = 0 THEN NULL WHEN range % 23 = 0 THEN CAST('NaN' AS DOUBLE) ELSE (range % 100) * 1.5 END AS amount,
    'n' || range AS note
  FROM range(400)`;
