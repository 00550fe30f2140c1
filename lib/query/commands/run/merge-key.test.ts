import { describe, expect, it } from "vitest";
import type { Schema } from "@/lib/iceberg/spec";
import { mergeKey } from "./merge-key";
import type { RewriteTarget } from "./rewrite";

const schema: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "id", type: "long", required: false },
    { id: 2, name: "Code", type: "string", required: false },
    { id: 3, name: "price", type: "double", required: false },
  ],
};
const target: RewriteTarget = { ident: { catalog: "c", namespace: ["n"], name: "t" }, name: "c.n.t", schema, snapshotId: undefined };
const key = (on: string) => mergeKey({ sql: on, start: 0, end: on.length }, target, "t", "s");

describe("mergeKey", () => {
  it.each([
    ["t.id = s.id", { column: "id", kind: "integer", sourceColumn: "id" }],
    ["s.other_id = t.id AND t.price > 1", { column: "id", kind: "integer", sourceColumn: "other_id" }],
    ["t.price = s.price AND T.code = S.code", { column: "Code", kind: "string", sourceColumn: "code" }],
    ['t."Code" = s."c"', { column: "Code", kind: "string", sourceColumn: "c" }],
  ])("%s", (on, expected) => {
    expect(key(on)).toEqual(expected);
  });

  it.each(["t.id = s.id OR t.id = s.other", "t.id = s.id + 1", "t.price = s.price", "t.id < s.id", "x.id = s.id", "id = s.id", "t.id = t.id", "(t.id = s.id)"])("none for %s", (on) => {
    expect(key(on)).toBeUndefined();
  });
});
