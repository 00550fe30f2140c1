import { describe, expect, it } from "vitest";
import { expectRestSchema } from "../../../tests/support/rest-spec";
import { viewMetadataToJson } from "../spec";
import { applyViewUpdates } from "./apply";
import { viewCommitToJson, viewUpdateToJson } from "./json";
import { newViewMetadata, replaceViewCommit } from "./new-view";
import { aView, schemaOf, sql, UUID } from "./test-support";
import type { ViewUpdate } from "./types";

const definition = {
  schema: schemaOf("id"),
  representations: [sql("select id from t")],
  defaultNamespace: ["db"],
};

/** Replaces the view's definition as a REST client would, and applies it. */
function replace(
  view: ReturnType<typeof aView>,
  change: Partial<typeof definition> & { properties?: Record<string, string> },
  now: number,
) {
  const commit = replaceViewCommit(view, { ...definition, ...change }, now);
  return { commit, next: applyViewUpdates(view, commit.updates, { now }) };
}

describe("creating a view", () => {
  it("makes version 1 over schema 0, logged at its time, as the updates a client sends", () => {
    const { metadata, commit } = newViewMetadata({
      ...definition,
      location: "/wh/db/v/",
      properties: { comment: "ids" },
      uuid: UUID,
      now: 1000,
    });
    expect(metadata).toMatchObject({
      viewUuid: UUID,
      location: "/wh/db/v",
      currentVersionId: 1,
      versionLog: [{ versionId: 1, timestampMs: 1000 }],
      properties: { comment: "ids" },
    });
    expect(metadata.schemas.map((s) => s.schemaId)).toEqual([0]);
    expect(commit.updates.map((u) => u.action)).toEqual([
      "assign-uuid",
      "set-location",
      "set-properties",
      "add-schema",
      "add-view-version",
      "set-current-view-version",
    ]);
    expect(commit.updates[4]).toMatchObject({ viewVersion: { versionId: 1, schemaId: -1 } });
    expect(commit.updates[5]).toEqual({ action: "set-current-view-version", viewVersionId: -1 });
    expect(applyViewUpdates(null, commit.updates, { now: 1000 })).toEqual(metadata);
  });

  it("refuses a view without SQL, with two SQLs for one dialect, or without a location", () => {
    expect(() => newViewMetadata({ ...definition, representations: [], location: "/v" })).toThrow(
      "at least one SQL",
    );
    expect(() =>
      newViewMetadata({
        ...definition,
        representations: [sql("a", "Spark"), sql("b", "spark")],
        location: "/v",
      }),
    ).toThrow('more than one SQL for dialect "spark"');
    expect(() =>
      applyViewUpdates(null, [{ action: "assign-uuid", uuid: UUID }], { now: 1 }),
    ).toThrow("a view needs a location");
  });
});

describe("replacing a view", () => {
  it("adds the next version on the same schema and logs it", () => {
    const { commit, next } = replace(
      aView(),
      { representations: [sql("select id from t where id > 0")] },
      2000,
    );
    expect(commit.requirements).toEqual([{ type: "assert-view-uuid", uuid: UUID }]);
    // The schema is re-used, so the version names it and no add-schema is sent.
    expect(commit.updates.map((u) => u.action)).toEqual([
      "add-view-version",
      "set-current-view-version",
    ]);
    expect(commit.updates[0]).toMatchObject({ viewVersion: { versionId: 2, schemaId: 0 } });
    expect(next.currentVersionId).toBe(2);
    expect(next.versionLog).toEqual([
      { versionId: 1, timestampMs: 1000 },
      { versionId: 2, timestampMs: 2000 },
    ]);
  });

  it("adds a new schema with the next id; the version refers to it as -1", () => {
    const { commit, next } = replace(
      aView(),
      { schema: schemaOf("id", "name"), representations: [sql("select id, name from t")] },
      2000,
    );
    expect(commit.updates.map((u) => u.action)).toEqual([
      "add-schema",
      "add-view-version",
      "set-current-view-version",
    ]);
    expect(commit.updates[1]).toMatchObject({ viewVersion: { schemaId: -1 } });
    expect(next.schemas.map((s) => s.schemaId)).toEqual([0, 1]);
    expect(next.versions[1].schemaId).toBe(1);
  });

  it("re-uses an equal earlier version: no new version, set current by id, logged now", () => {
    const v2 = replace(aView(), { representations: [sql("select 2")] }, 2000).next;
    const { commit, next } = replace(v2, {}, 3000);
    expect(commit.updates).toEqual([{ action: "set-current-view-version", viewVersionId: 1 }]);
    expect(next.versions.map((v) => v.versionId)).toEqual([1, 2]);
    expect(next.versionLog.at(-1)).toEqual({ versionId: 1, timestampMs: 3000 });
  });

  it("gives an added version the next free id, whatever id it came with", () => {
    const view = replace(aView(), { representations: [sql("select 2")] }, 2000).next;
    const version = { ...view.versions[0], representations: [sql("select 3")] };
    const next = applyViewUpdates(
      view,
      [
        { action: "add-view-version", viewVersion: version },
        { action: "set-current-view-version", viewVersionId: -1 },
      ],
      { now: 3000 },
    );
    expect(next.currentVersionId).toBe(3);
  });

  it("refuses to lose a dialect unless replace.drop-dialect.allowed; append-dialect keeps it", () => {
    const both = aView({ representations: [sql("select 1", "spark"), sql("select 1", "trino")] });
    expect(() => replace(both, { representations: [sql("select 2", "spark")] }, 2000)).toThrow(
      "drops the SQL for trino",
    );
    expect(
      replace(
        both,
        {
          representations: [sql("select 2", "spark")],
          properties: { "replace.drop-dialect.allowed": "true" },
        },
        2000,
      ).next.versions[1].representations,
    ).toHaveLength(1);
    const appended = replace(
      both,
      {
        representations: [sql("select 2", "SPARK")],
        properties: { "replace.append-dialect.allowed": "true" },
      },
      2000,
    ).next;
    expect(appended.versions[1].representations).toEqual([
      sql("select 2", "SPARK"),
      sql("select 1", "trino"),
    ]);
  });

  it("expires versions beyond version.history.num-entries, keeping the current one, and cuts the log", () => {
    let view = aView({ properties: { "version.history.num-entries": "2" } });
    for (let i = 2; i <= 4; i++)
      view = replace(view, { representations: [sql(`select ${i}`)] }, i * 1000).next;
    expect(view.versions.map((v) => v.versionId)).toEqual([4, 3]);
    expect(view.versionLog.map((e) => e.versionId)).toEqual([3, 4]);
    // Re-activating an expired definition adds it again, under a new id.
    view = replace(view, { representations: [sql("select id from t")] }, 5000).next;
    expect(view.versions.map((v) => v.versionId)).toEqual([5, 4]);
  });
});

describe("update rules", () => {
  const view = aView();
  // biome-ignore format: one case a line
  const refused: [string, ViewUpdate[], string][] = [
    ["-1 before any version was added", [{ action: "set-current-view-version", viewVersionId: -1 }], "updates[0]: -1 means the last added view version"],
    ["an unknown current version", [{ action: "set-current-view-version", viewVersionId: 7 }], "updates[0]: cannot set the current version to unknown version 7"],
    ["a version on an unknown schema", [{ action: "add-view-version", viewVersion: { ...view.versions[0], schemaId: 9, summary: { x: "y" } } }], "unknown schema 9"],
    ["schema -1 when no schema was added", [{ action: "add-view-version", viewVersion: { ...view.versions[0], schemaId: -1 } }], "no schema was added"],
    ["a different UUID", [{ action: "assign-uuid", uuid: "00000000-0000-0000-0000-000000000000" }], "cannot change the view UUID"],
    ["format version 2", [{ action: "upgrade-format-version", formatVersion: 2 }], "unsupported view format version 2"],
    ["a history size of 0", [{ action: "set-properties", updates: { "version.history.num-entries": "0" } }], "must be a positive whole number"],
  ];
  it.each(refused)("refuses %s", (_name, updates, message) => {
    expect(() => applyViewUpdates(view, updates, { now: 2000 })).toThrow(message);
  });

  it("returns the base itself when nothing changes", () => {
    const updates: ViewUpdate[] = [
      { action: "assign-uuid", uuid: UUID },
      { action: "set-location", location: view.location },
      { action: "set-current-view-version", viewVersionId: 1 },
    ];
    expect(applyViewUpdates(view, updates, { now: 2000 })).toBe(view);
  });

  it("sets and removes properties", () => {
    const next = applyViewUpdates(
      view,
      [
        { action: "set-properties", updates: { a: "1", b: "2" } },
        { action: "remove-properties", removals: ["a", "ghost"] },
      ],
      { now: 2000 },
    );
    expect(next.properties).toEqual({ b: "2" });
  });
});

describe("a replace sequence, checked against the REST spec", () => {
  it("produces updates, requests and metadata of the spec's shapes", () => {
    let view = aView({ properties: { comment: "first" } });
    const steps = [
      { representations: [sql("select id from t where id > 1")] },
      {
        schema: schemaOf("id", "v"),
        representations: [sql("select id, v from t")],
        properties: { comment: "second" },
      },
      { representations: [sql("select id from t")] },
    ];
    steps.forEach((step, i) => {
      const { commit, next } = replace(view, step, 2000 + i);
      for (const update of commit.updates) expectRestSchema("ViewUpdate", viewUpdateToJson(update));
      expectRestSchema(
        "CommitViewRequest",
        viewCommitToJson({ ...commit, identifier: { namespace: ["db"], name: "v" } }),
      );
      view = next;
    });
    expectRestSchema("ViewMetadata", viewMetadataToJson(view));
    expect(view.versions.map((v) => v.versionId)).toEqual([1, 2, 3]);
    expect(view.currentVersionId).toBe(1);
    expect(view.properties.comment).toBe("second");
  });
});
