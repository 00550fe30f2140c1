import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  allFields,
  currentSchema,
  readMetadataFile,
  type Schema,
  schemaToString,
  type TableMetadata,
} from "../spec";
import { icebergFixture } from "../spec/test-fixtures";
import { applyUpdates } from "./apply";
import { CommitValidationError } from "./errors";
import { newTableMetadata } from "./new-table";
import { checkRequirements } from "./requirements";
import { expectWritable, sampleTable, T0, UUID } from "./test-support";
import { UpdateSchema } from "./update-schema";

const base = sampleTable();

/** Commits the change to `meta` as a catalog would, and returns the new table. */
function commit(meta: TableMetadata, update: UpdateSchema): TableMetadata {
  const change = update.commit();
  checkRequirements(meta, change.requirements);
  const next = applyUpdates(meta, change.updates, { now: T0 + 1 });
  expect(currentSchema(next)).toEqual(change.schema);
  expectWritable(next);
  return next;
}

const names = (schema: Schema) => allFields(schema).map((f) => `${f.id}:${f.fullName}`);
const top = (schema: Schema) => schema.fields.map((f) => f.name);
const refusedWith = (build: () => unknown, message: string) => {
  expect(build).toThrow(CommitValidationError);
  expect(build).toThrow(message);
};

/** A table for type changes: int, float, decimal, date, and a list and map of ints. */
function typedTable(formatVersion: 2 | 3 = 2, partition = "day"): TableMetadata {
  return newTableMetadata({
    location: "/t",
    formatVersion,
    now: T0,
    schema: {
      type: "struct",
      fields: [
        { id: 1, name: "count", required: false, type: "int" },
        { id: 2, name: "ratio", required: false, type: "float" },
        { id: 3, name: "price", required: false, type: "decimal(9, 2)" },
        { id: 4, name: "day", required: false, type: "date" },
        {
          id: 5,
          name: "ints",
          required: false,
          type: { type: "list", elementId: 6, element: "int", elementRequired: false },
        },
        {
          id: 7,
          name: "m",
          required: false,
          type: {
            type: "map",
            keyId: 8,
            key: "int",
            valueId: 9,
            value: "int",
            valueRequired: true,
          },
        },
        { id: 10, name: "name", required: true, type: "string" },
      ],
    },
    partitionSpec: { fields: [{ sourceId: 4, name: "day_p", transform: partition }] },
  }).metadata;
}

describe("adding columns", () => {
  it("adds an optional top-level column with the next id", () => {
    const change = new UpdateSchema(base)
      .addColumn("note", "string", { doc: "free text" })
      .commit();
    expect(change.schema.fields.at(-1)).toEqual({
      id: 17,
      name: "note",
      required: false,
      type: "string",
      doc: "free text",
    });
    expect(change.schema.schemaId).toBe(1);
    expect(change.requirements).toEqual([
      { type: "assert-table-uuid", uuid: UUID },
      { type: "assert-current-schema-id", currentSchemaId: 0 },
      { type: "assert-last-assigned-field-id", lastAssignedFieldId: 16 },
    ]);
    expect(change.updates).toEqual([
      { action: "add-schema", schema: change.schema },
      { action: "set-current-schema", schemaId: -1 },
    ]);
    expect(commit(base, new UpdateSchema(base).addColumn("note", "string")).lastColumnId).toBe(17);
  });

  it("adds into structs, list elements and map values", () => {
    const next = commit(
      base,
      new UpdateSchema(base)
        .addColumn("alt", "double", { parent: "location" })
        .addColumn("z", "long", { parent: "points" })
        .addColumn("unit", "string", { parent: "props" }),
    );
    const schema = currentSchema(next);
    expect(names(schema)).toEqual(
      expect.arrayContaining(["17:location.alt", "18:points.element.z", "19:props.value.unit"]),
    );
    expect(next.lastColumnId).toBe(19);
  });

  it("gives a nested new column fresh ids, the column's own first", () => {
    const schema = new UpdateSchema(base)
      .addColumn("owner", {
        type: "struct",
        fields: [
          { id: 0, name: "name", required: false, type: "string" },
          {
            id: 0,
            name: "emails",
            required: false,
            type: { type: "list", elementId: 0, element: "string", elementRequired: false },
          },
        ],
      })
      .apply();
    expect(names(schema).slice(-4)).toEqual([
      "17:owner",
      "18:owner.name",
      "19:owner.emails",
      "20:owner.emails.element",
    ]);
  });

  it("may re-add a name it deletes, under a new id", () => {
    const schema = new UpdateSchema(base).deleteColumn("data").addColumn("data", "binary").apply();
    expect(schema.fields.at(-1)).toMatchObject({ id: 17, name: "data", type: "binary" });
  });

  it("adds a required column with an initial default in v3", () => {
    const v3 = sampleTable(3);
    const schema = new UpdateSchema(v3)
      .addColumn("flag", "boolean", { required: true, initialDefault: false })
      .apply();
    expect(schema.fields.at(-1)).toMatchObject({
      name: "flag",
      required: true,
      initialDefault: false,
    });
  });

  it("adds a required column without a default only when told to", () => {
    const schema = new UpdateSchema(base, { allowIncompatibleChanges: true })
      .addColumn("k", "int", { required: true })
      .apply();
    expect(schema.fields.at(-1)?.required).toBe(true);
  });

  // biome-ignore format: one case a line
  const refused: [string, (u: UpdateSchema) => UpdateSchema, string][] = [
    ["a required column without a default", (u) => u.addColumn("k", "int", { required: true }), "Incompatible change: cannot add required column without a default: k"],
    ["a default before v3", (u) => u.addColumn("k", "int", { initialDefault: 1 }), "Cannot add k with a default: column defaults need format v3 (this table is v2)"],
    ["a name that exists", (u) => u.addColumn("data", "int"), "Cannot add column, name already exists: data"],
    ["a nested name that exists", (u) => u.addColumn("lat", "int", { parent: "location" }), "Cannot add column, name already exists: location.lat"],
    ["the same name twice", (u) => u.addColumn("k", "int").addColumn("k", "long"), "Cannot add column, name already exists: k"],
    ["a dotted top-level name", (u) => u.addColumn("a.b", "int"), "Cannot add column with ambiguous name: a.b, use the parent option"],
    ["a missing parent", (u) => u.addColumn("x", "int", { parent: "nope" }), "Cannot find parent struct: nope"],
    ["a list of primitives as parent", (u) => u.addColumn("x", "int", { parent: "tags" }), "Cannot add to non-struct column: tags: string"],
    ["a primitive parent", (u) => u.addColumn("x", "int", { parent: "data" }), "Cannot add to non-struct column: data: string"],
    ["a parent being deleted", (u) => u.deleteColumn("location").addColumn("x", "int", { parent: "location" }), "Cannot add to a column that will be deleted: location"],
    ["a v3 type in v2", (u) => u.addColumn("v", "variant"), "type variant is not supported until format v3"],
  ];
  it.each(refused)("refuses %s", (_, build, message) =>
    refusedWith(() => build(new UpdateSchema(base)).apply(), message),
  );
});

describe("deleting and renaming columns", () => {
  it("deletes top-level and nested columns", () => {
    const schema = commit(
      base,
      new UpdateSchema(base).deleteColumn("data").deleteColumn("location.lat"),
    );
    const fields = names(currentSchema(schema));
    expect(fields).not.toContain("2:data");
    expect(fields).not.toContain("8:location.lat");
    expect(fields).toContain("9:location.long");
  });

  it("renames columns, nested ones by their leaf name", () => {
    const schema = new UpdateSchema(base)
      .renameColumn("data", "payload")
      .renameColumn("location.lat", "latitude")
      .apply();
    expect(names(schema)).toEqual(expect.arrayContaining(["2:payload", "8:location.latitude"]));
  });

  it("renames onto the name of a column it deletes", () => {
    const schema = new UpdateSchema(base).deleteColumn("data").renameColumn("tags", "data").apply();
    expect(schema.fields.find((f) => f.name === "data")?.id).toBe(5);
  });

  it("keeps identifier fields across a rename", () => {
    const schema = new UpdateSchema(base).renameColumn("id", "key").apply();
    expect(schema.identifierFieldIds).toEqual([1]);
  });

  // biome-ignore format: one case a line
  const refused: [string, (u: UpdateSchema) => UpdateSchema, string][] = [
    ["a missing column", (u) => u.deleteColumn("nope"), "Cannot delete missing column: nope"],
    ["a partition source", (u) => u.deleteColumn("ts"), "Cannot delete column ts: partition field ts_day of the default spec 0 uses it"],
    ["an identifier field", (u) => u.deleteColumn("id"), "Cannot delete identifier field id. To force deletion, also set the identifier fields"],
    ["a bucket source once it is no identifier", (u) => u.setIdentifierFields([]).deleteColumn("id"), "Cannot delete column id: partition field id_bucket of the default spec 0 uses it"],
    ["a list element", (u) => u.deleteColumn("tags.element"), "Cannot delete tags.element: delete the list or map that holds it"],
    ["a column with additions", (u) => u.addColumn("x", "int", { parent: "location" }).deleteColumn("location"), "Cannot delete a column that has additions: location"],
    ["a column with updates", (u) => u.renameColumn("data", "d").deleteColumn("data"), "Cannot delete a column that has updates: data"],
    ["renaming a deleted column", (u) => u.deleteColumn("data").renameColumn("data", "d"), "Cannot rename a column that will be deleted: data"],
    ["renaming inside a deleted struct", (u) => u.deleteColumn("location").renameColumn("location.lat", "y"), "Cannot rename a column that will be deleted: location.lat"],
    ["a rename onto a sibling", (u) => u.renameColumn("data", "ts"), "Cannot have two columns named ts: rename or drop one"],
    ["a nested rename onto a sibling", (u) => u.renameColumn("location.lat", "long"), "Cannot have two columns named location.long"],
    ["a rename onto an added column", (u) => u.addColumn("x", "int").renameColumn("data", "x"), "Cannot have two columns named x"],
    ["renaming a map value", (u) => u.renameColumn("props.value", "v"), "Cannot rename props.value: list elements and map entries have fixed names"],
  ];
  it.each(refused)("refuses %s", (_, build, message) =>
    refusedWith(() => build(new UpdateSchema(base)).apply(), message),
  );

  it("refuses deleting a sort column", () => {
    const sorted = newTableMetadata({
      location: "/t",
      now: T0,
      schema: {
        type: "struct",
        fields: [
          { id: 1, name: "a", required: false, type: "int" },
          { id: 2, name: "b", required: false, type: "int" },
        ],
      },
      sortOrder: {
        orderId: 1,
        fields: [
          { sourceId: 2, transform: "identity", direction: "asc", nullOrder: "nulls-first" },
        ],
      },
    }).metadata;
    refusedWith(
      () => new UpdateSchema(sorted).deleteColumn("b").apply(),
      "Cannot delete column b: the default sort order 1 uses it",
    );
    expect(top(new UpdateSchema(sorted).deleteColumn("a").apply())).toEqual(["b"]);
  });
});

describe("changing types", () => {
  const table = typedTable();

  it("widens int to long, float to double, decimal precision, list elements and map values", () => {
    const next = commit(
      table,
      new UpdateSchema(table)
        .updateColumn("count", "long")
        .updateColumn("ratio", "double")
        .updateColumn("price", "decimal(12,2)")
        .updateColumn("ints.element", "long")
        .updateColumn("m.value", "long"),
    );
    expect(schemaToString(currentSchema(next))).toContain("1: count: optional long");
    expect(schemaToString(currentSchema(next))).toContain("3: price: optional decimal(12, 2)");
    expect(schemaToString(currentSchema(next))).toContain(
      "5: ints: optional list<8: element: optional long>",
    );
    expect(schemaToString(currentSchema(next))).toContain(
      "6: m: optional map<9: key: required int, 10: value: required long>",
    );
  });

  it("refuses narrowing long to int", () => {
    refusedWith(
      () => new UpdateSchema(base).updateColumn("id", "int"),
      "Cannot change column type: id: long -> int",
    );
  });

  it("changes nothing for the same type", () => {
    expect(new UpdateSchema(table).updateColumn("count", "int").commit().updates).toEqual([]);
  });

  // biome-ignore format: one case a line
  const refused: [string, (u: UpdateSchema) => UpdateSchema, string][] = [
    ["narrowing", (u) => u.updateColumn("price", "decimal(5, 2)"), "Cannot change column type: price: decimal(9, 2) -> decimal(5, 2)"],
    ["float to int", (u) => u.updateColumn("ratio", "int"), "Cannot change column type: ratio: float -> int"],
    ["a scale change", (u) => u.updateColumn("price", "decimal(10, 3)"), "Cannot change column type: price: decimal(9, 2) -> decimal(10, 3)"],
    ["string to int", (u) => u.updateColumn("name", "int"), "Cannot change column type: name: string -> int"],
    ["a nested column to a primitive", (u) => u.updateColumn("ints", "long"), "Cannot change column type: ints: list<8: element: optional int> -> long"],
    ["date to timestamp before v3", (u) => u.updateColumn("day", "timestamp"), "Cannot change column type: day: date -> timestamp"],
    ["a map key", (u) => u.updateColumn("m.key", "long"), "Cannot update map keys: m.key"],
    ["an unknown type", (u) => u.updateColumn("count", "bigint"), "Cannot change column type: count: unknown type bigint"],
    ["a missing column", (u) => u.updateColumn("nope", "long"), "Cannot update missing column: nope"],
  ];
  it.each(refused)("refuses %s", (_, build, message) =>
    refusedWith(() => build(new UpdateSchema(table)).apply(), message),
  );

  it("promotes date to timestamp in v3 unless a partition would change its values", () => {
    const byDay = typedTable(3, "day");
    expect(
      currentSchema(commit(byDay, new UpdateSchema(byDay).updateColumn("day", "timestamp")))
        .fields[3].type,
    ).toBe("timestamp");
    const byBucket = typedTable(3, "bucket[4]");
    refusedWith(
      () => new UpdateSchema(byBucket).updateColumn("day", "timestamp_ns"),
      "Cannot change column type: day: date -> timestamp_ns: partition field day_p (spec 0) would change its values",
    );
  });
});

describe("nullability, docs and identifier fields", () => {
  const table = typedTable();

  it("makes columns optional, and required only when told to", () => {
    const schema = new UpdateSchema(table)
      .makeColumnOptional("name")
      .makeColumnOptional("m.value")
      .apply();
    expect(schema.fields[6].required).toBe(false);
    expect(schemaToString(schema)).toContain("10: value: optional int");
    refusedWith(
      () => new UpdateSchema(table).requireColumn("count"),
      "Cannot change column nullability: count: optional -> required",
    );
    const forced = new UpdateSchema(table, { allowIncompatibleChanges: true })
      .requireColumn("count")
      .apply();
    expect(forced.fields[0].required).toBe(true);
  });

  it("updates docs", () => {
    const schema = new UpdateSchema(base).updateColumnDoc("location.lat", "degrees").apply();
    expect(schemaToString(schema)).toContain("8: lat: optional double (degrees)");
  });

  it("sets identifier fields, added columns included", () => {
    const ok = new UpdateSchema(base, { allowIncompatibleChanges: true })
      .addColumn("region", "string", { required: true })
      .setIdentifierFields(["id", "region"])
      .apply();
    expect(ok.identifierFieldIds).toEqual([1, 17]);
    refusedWith(
      () => new UpdateSchema(base).setIdentifierFields(["data"]).apply(),
      "identifier field 2 (data) must be required",
    );
    refusedWith(
      () => new UpdateSchema(base).setIdentifierFields(["nope"]),
      "Cannot set identifier field nope: not found in the schema or added columns",
    );
  });
});

describe("moving columns", () => {
  it("moves first, before and after, added columns too", () => {
    const schema = new UpdateSchema(base)
      .addColumn("note", "string")
      .moveFirst("ts")
      .moveAfter("note", "ts")
      .moveBefore("props", "id")
      .apply();
    expect(top(schema)).toEqual([
      "ts",
      "note",
      "props",
      "id",
      "data",
      "location",
      "tags",
      "points",
    ]);
  });

  it("moves inside a struct and a list's element struct", () => {
    const schema = new UpdateSchema(base)
      .moveFirst("location.long")
      .moveAfter("points.element.x", "points.element.y")
      .apply();
    expect(names(schema)).toEqual(expect.arrayContaining(["9:location.long"]));
    expect(schemaToString(schema)).toContain(
      "struct<9: long: optional double, 8: lat: optional double>",
    );
    expect(schemaToString(schema)).toContain("struct<13: y: required long, 12: x: required long>");
  });

  // biome-ignore format: one case a line
  const refused: [string, (u: UpdateSchema) => UpdateSchema, string][] = [
    ["across structs", (u) => u.moveBefore("location.lat", "id"), "Cannot move field location.lat to a different struct"],
    ["before itself", (u) => u.moveBefore("id", "id"), "Cannot move id before itself"],
    ["a missing column", (u) => u.moveFirst("nope"), "Cannot move missing column: nope"],
    ["after a missing column", (u) => u.moveAfter("id", "nope"), "Cannot move id after missing column: nope"],
    ["a deleted column", (u) => u.deleteColumn("data").moveFirst("data"), "Cannot move data: a column involved will be deleted"],
  ];
  it.each(refused)("refuses %s", (_, build, message) =>
    refusedWith(() => build(new UpdateSchema(base)).apply(), message),
  );
});

describe("case sensitivity", () => {
  it("finds columns by any case when told to", () => {
    const schema = new UpdateSchema(base, { caseSensitive: false })
      .renameColumn("DATA", "Payload")
      .deleteColumn("Location.LAT")
      .apply();
    expect(top(schema)).toContain("Payload");
    refusedWith(
      () => new UpdateSchema(base).renameColumn("DATA", "x"),
      "Cannot rename missing column: DATA",
    );
    refusedWith(
      () => new UpdateSchema(base, { caseSensitive: false }).addColumn("ID", "int").apply(),
      "Cannot add column, name already exists: ID",
    );
  });
});

describe("committing", () => {
  it("commits nothing when nothing changed, and re-uses an older schema", () => {
    expect(new UpdateSchema(base).commit()).toEqual({
      schema: base.schemas[0],
      requirements: [
        { type: "assert-table-uuid", uuid: UUID },
        { type: "assert-current-schema-id", currentSchemaId: 0 },
      ],
      updates: [],
    });
    const added = commit(base, new UpdateSchema(base).addColumn("x", "int"));
    const back = new UpdateSchema(added).deleteColumn("x").commit();
    expect(back.updates).toEqual([{ action: "set-current-schema", schemaId: 0 }]);
    expect(currentSchema(applyUpdates(added, back.updates, { now: T0 + 2 }))).toBe(
      added.schemas[0],
    );
  });

  it("fails on a table whose schema moved meanwhile", () => {
    const change = new UpdateSchema(base).addColumn("x", "int").commit();
    const moved = commit(base, new UpdateSchema(base).addColumn("y", "int"));
    expect(() => checkRequirements(moved, change.requirements)).toThrow(
      "the current schema has changed: expected schema 0, found schema 1",
    );
  });

  it("evolves a real Spark table", () => {
    const file =
      "tables/spark-v1-v2/data/iceberg/generated_spec2_0_001/pyspark_iceberg_table/metadata/v9.metadata.json";
    const spark = readMetadataFile(readFileSync(icebergFixture(...file.split("/"))));
    const next = commit(
      spark,
      new UpdateSchema(spark)
        .addColumn("l_note", "string")
        .renameColumn("l_comment_string", "l_comment")
        .updateColumn("l_partkey_int", "long")
        .moveFirst("l_note"),
    );
    expect(next.schemas).toHaveLength(4);
    expect(next.currentSchemaId).toBe(3);
    expect(next.lastColumnId).toBe(17);
    expect(currentSchema(next).fields[0]).toEqual({
      id: 17,
      name: "l_note",
      required: false,
      type: "string",
    });
    expect(next.snapshots).toEqual(spark.snapshots);
  });
});
