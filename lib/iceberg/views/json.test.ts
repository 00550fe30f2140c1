import { describe, expect, it } from "vitest";
import { expectRestSchema } from "../../../tests/support/rest-spec";
import { type JsonValue, parseJson } from "../spec";
import {
  createViewRequestFromJson,
  viewCommitFromJson,
  viewCommitToJson,
  viewRequirementFromJson,
  viewRequirementToJson,
  viewUpdateFromJson,
  viewUpdateToJson,
} from "./json";
import { schemaOf, sql, UUID } from "./test-support";
import type { ViewUpdate } from "./types";

const version = {
  versionId: 3,
  timestampMs: 1_700_000_000_000,
  schemaId: -1,
  summary: { "engine-name": "spark" },
  representations: [sql("select 1")],
  defaultNamespace: ["db"],
  defaultCatalog: "prod",
};

const EVERY_UPDATE: ViewUpdate[] = [
  { action: "assign-uuid", uuid: UUID },
  { action: "upgrade-format-version", formatVersion: 1 },
  { action: "add-schema", schema: schemaOf("id"), lastColumnId: 1 },
  { action: "set-location", location: "/wh/v" },
  { action: "set-properties", updates: { a: "1" } },
  { action: "remove-properties", removals: ["b"] },
  { action: "add-view-version", viewVersion: version },
  { action: "set-current-view-version", viewVersionId: -1 },
];

describe("view update JSON", () => {
  it.each(EVERY_UPDATE.map((u) => [u.action, u] as const))(
    "%s round-trips in the spec's shape",
    (_action, update) => {
      const json = viewUpdateToJson(update);
      expectRestSchema("ViewUpdate", json);
      expect(viewUpdateFromJson(parseJson(JSON.stringify(json)))).toEqual(update);
    },
  );

  // biome-ignore format: one case a line
  const bad: [string, JsonValue, string][] = [
    ["an unknown action", { action: "add-snapshot" }, 'updates[0].action: unknown view update action "add-snapshot"'],
    ["no action", { uuid: UUID }, "updates[0].action: missing required field"],
    ["a version without SQL dialect", { action: "add-view-version", "view-version": { "version-id": 1, "timestamp-ms": 1, "schema-id": 0, summary: {}, "default-namespace": [], representations: [{ type: "sql", sql: "x" }] } }, "updates[0].view-version.representations[0].dialect: missing required field"],
    ["a version id that is text", { action: "set-current-view-version", "view-version-id": "1" }, "updates[0].view-version-id"],
    ["properties that are not text", { action: "set-properties", updates: { a: 1 } }, "updates[0].updates.a"],
  ];
  it.each(bad)("refuses %s, naming the field", (_name, json, message) => {
    expect(() => viewUpdateFromJson(json, "updates[0]")).toThrow(message);
  });
});

describe("view requests", () => {
  it("reads a CommitViewRequest with or without requirements", () => {
    const request = {
      identifier: { namespace: ["db"], name: "v" },
      requirements: [{ type: "assert-view-uuid", uuid: UUID }],
      updates: EVERY_UPDATE.map(viewUpdateToJson),
    };
    expectRestSchema("CommitViewRequest", request);
    const parsed = viewCommitFromJson(parseJson(JSON.stringify(request)));
    expect(parsed).toEqual({
      identifier: { namespace: ["db"], name: "v" },
      requirements: [{ type: "assert-view-uuid", uuid: UUID }],
      updates: EVERY_UPDATE,
    });
    expect(viewCommitToJson(parsed)).toEqual(parseJson(JSON.stringify(request)));
    expect(viewCommitFromJson({ updates: [] })).toEqual({ requirements: [], updates: [] });
    expect(() => viewCommitFromJson({ requirements: [] })).toThrow(
      "updates: missing required field",
    );
  });

  it("reads requirements, refusing table requirements", () => {
    expect(
      viewRequirementToJson(viewRequirementFromJson({ type: "assert-view-uuid", uuid: UUID })),
    ).toEqual({ type: "assert-view-uuid", uuid: UUID });
    expect(() =>
      viewRequirementFromJson({ type: "assert-table-uuid", uuid: UUID }, "requirements[0]"),
    ).toThrow('requirements[0].type: unknown view requirement type "assert-table-uuid"');
  });

  it("reads a CreateViewRequest", () => {
    const body = {
      name: "v",
      schema: {
        type: "struct",
        "schema-id": 0,
        fields: [{ id: 1, name: "id", type: "long", required: false }],
      },
      "view-version": {
        "version-id": 1,
        "timestamp-ms": 5,
        "schema-id": 0,
        summary: {},
        "default-namespace": ["db"],
        representations: [{ type: "sql", sql: "select 1", dialect: "spark" }],
      },
      properties: { comment: "c" },
    };
    expectRestSchema("CreateViewRequest", body);
    expect(createViewRequestFromJson(body)).toMatchObject({
      name: "v",
      schema: { schemaId: 0 },
      viewVersion: { versionId: 1, defaultNamespace: ["db"] },
      properties: { comment: "c" },
    });
    expect(() =>
      createViewRequestFromJson({ ...body, "view-version": undefined } as unknown as JsonValue),
    ).toThrow("view-version: missing required field");
  });
});
