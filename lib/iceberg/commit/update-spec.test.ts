import { describe, expect, it } from "vitest";
import { defaultPartitionSpec, type PartitionSpec, type TableMetadata } from "../spec";
import { applyUpdates } from "./apply";
import { CommitValidationError } from "./errors";
import { checkRequirements } from "./requirements";
import { expectWritable, sampleTable, T0, UUID } from "./test-support";
import { UpdatePartitionSpec } from "./update-spec";

// The sample table's spec 0: ts_day = day(ts) as 1000, id_bucket = bucket[16](id) as 1001.
const v2 = sampleTable(2);
const v1 = sampleTable(1);

function commit(meta: TableMetadata, update: UpdatePartitionSpec): TableMetadata {
  const change = update.commit();
  checkRequirements(meta, change.requirements);
  const next = applyUpdates(meta, change.updates, { now: T0 + 1 });
  expect(defaultPartitionSpec(next)).toEqual(change.spec);
  expectWritable(next);
  return next;
}

const fields = (spec: PartitionSpec) =>
  spec.fields.map((f) => `${f.fieldId}:${f.name}=${f.transform}(${f.sourceId})`);

describe("adding partition fields", () => {
  it("adds fields with Iceberg's default names and ids after last-partition-id", () => {
    const next = commit(
      v2,
      new UpdatePartitionSpec(v2)
        .addField("data")
        .addField("location.lat")
        .addField("id", "truncate[4]", "id4"),
    );
    expect(fields(defaultPartitionSpec(next))).toEqual([
      "1000:ts_day=day(3)",
      "1001:id_bucket=bucket[16](1)",
      "1002:data=identity(2)",
      "1003:location.lat=identity(8)",
      "1004:id4=truncate[4](1)",
    ]);
    expect(next.defaultSpecId).toBe(1);
    expect(next.lastPartitionId).toBe(1004);
  });

  it("says what it commits", () => {
    const change = new UpdatePartitionSpec(v2).addField("data").commit();
    expect(change.requirements).toEqual([
      { type: "assert-table-uuid", uuid: UUID },
      { type: "assert-default-spec-id", defaultSpecId: 0 },
      { type: "assert-last-assigned-partition-id", lastAssignedPartitionId: 1001 },
    ]);
    expect(change.updates).toEqual([
      { action: "add-spec", spec: change.spec },
      { action: "set-default-spec", specId: -1 },
    ]);
  });

  it("replaces one time transform by another", () => {
    const next = commit(
      v2,
      new UpdatePartitionSpec(v2).removeField("ts_day").addField("ts", "hour"),
    );
    expect(fields(defaultPartitionSpec(next))).toEqual([
      "1001:id_bucket=bucket[16](1)",
      "1002:ts_hour=hour(3)",
    ]);
  });

  // biome-ignore format: one case a line
  const refused: [string, (u: UpdatePartitionSpec) => UpdatePartitionSpec, string][] = [
    ["a second time transform of a column", (u) => u.addField("ts", "hour"), "Cannot add duplicate partition field hour(ts): conflicts with ts_day"],
    ["a field the spec has", (u) => u.addField("id", "bucket[16]"), "Cannot add duplicate partition field bucket[16](id): conflicts with id_bucket"],
    ["the same field twice", (u) => u.addField("data").addField("data", "identity", "d2"), "Cannot add duplicate partition field identity(data): already added as data"],
    ["a name taken by a field", (u) => u.addField("data", "identity", "ts_day"), "Cannot add duplicate partition field name: ts_day"],
    ["a name added twice", (u) => u.addField("data", "identity", "p").addField("location.lat", "identity", "p"), "Cannot add duplicate partition field: p"],
    ["a column's name for another transform", (u) => u.addField("data", "bucket[4]", "data"), "Cannot create partition data: a column of the schema has that name"],
    ["an identity named after another column", (u) => u.addField("data", "identity", "ts"), "Cannot create partition ts: a column of the schema has that name"],
    ["a missing column", (u) => u.addField("nope"), "Cannot find source column: nope"],
    ["a nested column", (u) => u.addField("location"), "Cannot partition by non-primitive source field: location"],
    ["a transform the type does not take", (u) => u.addField("data", "day"), "Invalid source type string for transform day of data"],
    ["an unknown transform", (u) => u.addField("data", "zorder"), "Unknown partition transform: zorder"],
    ["a malformed transform", (u) => u.addField("data", "truncate[0]"), "truncate needs a positive int"],
  ];
  it.each(refused)("refuses %s", (_, build, message) => {
    const act = () => build(new UpdatePartitionSpec(v2)).apply();
    expect(act).toThrow(CommitValidationError);
    expect(act).toThrow(message);
  });

  it("finds columns by any case when told to", () => {
    const spec = new UpdatePartitionSpec(v2, { caseSensitive: false }).addField("DATA").apply();
    expect(spec.fields.at(-1)).toMatchObject({ sourceId: 2, name: "data" });
  });
});

describe("removing and renaming partition fields", () => {
  it("drops a removed field from v2 specs", () => {
    const next = commit(v2, new UpdatePartitionSpec(v2).removeField("id_bucket"));
    expect(fields(defaultPartitionSpec(next))).toEqual(["1000:ts_day=day(3)"]);
    expect(next.lastPartitionId).toBe(1001);
  });

  it("keeps a removed field as void in v1 specs", () => {
    const next = commit(v1, new UpdatePartitionSpec(v1).removeField("id_bucket"));
    expect(fields(defaultPartitionSpec(next))).toEqual([
      "1000:ts_day=day(3)",
      "1001:id_bucket=void(1)",
    ]);
  });

  it("removes by column and transform", () => {
    const spec = new UpdatePartitionSpec(v2).removeFieldFor("ts", "day").apply();
    expect(fields(spec)).toEqual(["1001:id_bucket=bucket[16](1)"]);
  });

  it("renames fields", () => {
    const next = commit(v2, new UpdatePartitionSpec(v2).renameField("id_bucket", "shard"));
    expect(fields(defaultPartitionSpec(next))).toEqual([
      "1000:ts_day=day(3)",
      "1001:shard=bucket[16](1)",
    ]);
  });

  it("keeps a field removed and added back in one update", () => {
    expect(
      new UpdatePartitionSpec(v2).removeField("ts_day").addField("ts", "day").commit().updates,
    ).toEqual([]);
    const renamed = new UpdatePartitionSpec(v2)
      .removeField("ts_day")
      .addField("ts", "day", "day")
      .apply();
    expect(fields(renamed)).toEqual(["1000:day=day(3)", "1001:id_bucket=bucket[16](1)"]);
  });

  // biome-ignore format: one case a line
  const refused: [string, (u: UpdatePartitionSpec) => UpdatePartitionSpec, string][] = [
    ["removing a missing field", (u) => u.removeField("nope"), "Cannot find partition field to remove: nope"],
    ["removing a field by a transform it lacks", (u) => u.removeFieldFor("ts", "hour"), "Cannot find partition field to remove: hour(ts)"],
    ["removing a field just added", (u) => u.addField("data").removeField("data"), "Cannot delete newly added field: data"],
    ["removing a renamed field", (u) => u.renameField("ts_day", "d").removeField("ts_day"), "Cannot rename and delete partition field: ts_day"],
    ["renaming a removed field", (u) => u.removeField("ts_day").renameField("ts_day", "d"), "Cannot delete and rename partition field: ts_day"],
    ["renaming a field just added", (u) => u.addField("data").renameField("data", "d"), "Cannot rename newly added partition field: data"],
    ["renaming a missing field", (u) => u.renameField("nope", "d"), "Cannot find partition field to rename: nope"],
    ["renaming onto another field", (u) => u.renameField("ts_day", "id_bucket"), "Cannot use partition name more than once: id_bucket"],
  ];
  it.each(refused)("refuses %s", (_, build, message) => {
    expect(() => build(new UpdatePartitionSpec(v2)).apply()).toThrow(message);
  });
});

describe("partition field ids over the table's history", () => {
  it("v2 re-uses the id and name of a field the table had before", () => {
    const dropped = commit(
      v2,
      new UpdatePartitionSpec(v2).removeField("id_bucket").addField("data"),
    );
    const back = new UpdatePartitionSpec(dropped).addField("id", "bucket[16]");
    expect(fields(back.apply())).toEqual([
      "1000:ts_day=day(3)",
      "1002:data=identity(2)",
      "1001:id_bucket=bucket[16](1)",
    ]);
    const next = commit(dropped, back);
    expect(next.lastPartitionId).toBe(1002);
  });

  it("v2 goes back to an equal older spec instead of adding one", () => {
    const dropped = commit(v2, new UpdatePartitionSpec(v2).removeField("id_bucket"));
    const change = new UpdatePartitionSpec(dropped).addField("id", "bucket[16]").commit();
    expect(change.updates).toEqual([{ action: "set-default-spec", specId: 0 }]);
    expect(change.requirements).toEqual([
      { type: "assert-table-uuid", uuid: UUID },
      { type: "assert-default-spec-id", defaultSpecId: 1 },
    ]);
    expect(
      commit(dropped, new UpdatePartitionSpec(dropped).addField("id", "bucket[16]")).defaultSpecId,
    ).toBe(0);
  });

  it("v2 gives a new id when the name given differs from the old field's", () => {
    const dropped = commit(v2, new UpdatePartitionSpec(v2).removeField("id_bucket"));
    const spec = new UpdatePartitionSpec(dropped).addField("id", "bucket[16]", "shard").apply();
    expect(fields(spec)).toEqual(["1000:ts_day=day(3)", "1002:shard=bucket[16](1)"]);
  });

  it("v1 assigns a new id and moves the void field's name out of the way", () => {
    const voided = commit(v1, new UpdatePartitionSpec(v1).removeField("id_bucket"));
    const spec = new UpdatePartitionSpec(voided).addField("id", "bucket[16]", "id_bucket").apply();
    expect(fields(spec)).toEqual([
      "1000:ts_day=day(3)",
      "1001:id_bucket_1001=void(1)",
      "1002:id_bucket=bucket[16](1)",
    ]);
    const next = commit(voided, new UpdatePartitionSpec(voided).addField("id", "bucket[8]"));
    expect(fields(defaultPartitionSpec(next)).at(-1)).toBe("1002:id_bucket_8=bucket[8](1)");
  });
});
