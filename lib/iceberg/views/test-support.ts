/** Small views for the tests of this module. Test-only. */
import type { Schema } from "../spec";
import { type NewViewOptions, newViewMetadata } from "./new-view";

export const UUID = "fa6506c3-7681-40c8-86dc-e36561f83385";

export function schemaOf(...columns: string[]): Schema {
  return {
    type: "struct",
    schemaId: 0,
    fields: columns.map((name, i) => ({ id: i + 1, name, type: "long", required: false })),
  };
}

export function sql(text: string, dialect = "spark") {
  return { type: "sql" as const, sql: text, dialect };
}

/** A view made at t=1000 whose version 1 selects `id` in spark SQL. */
export function aView(overrides: Partial<NewViewOptions> = {}) {
  return newViewMetadata({
    location: "/wh/db/v",
    schema: schemaOf("id"),
    representations: [sql("select id from t")],
    defaultNamespace: ["db"],
    uuid: UUID,
    now: 1000,
    ...overrides,
  }).metadata;
}
