/**
 * The Avro schemas we write: a `field-id` on every field, the spec's ids for maps and
 * lists, and the same ids, names and types as the schemas Spark (Java) and iceberg-rust
 * write (shared/iceberg/metadata/avro-schemas).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeWhere } from "@/tests/support/requires";
import type { FormatVersion } from "../spec/types";
import { structToAvroRecord } from "./iceberg-to-avro";
import { manifestEntryStruct, manifestFileStruct } from "./manifest-schemas";
import { idsToNamesAndTypes, recordFields } from "./testing/avro-walk";
import { FIXTURES_ABSENT_NOTE, FIXTURES_PRESENT, fixturePath } from "./testing/fixtures";
import { PARTITIONED_TYPE } from "./testing/samples";
import type { PartitionFieldType } from "./types";

const entrySchema = (v: FormatVersion, partition: PartitionFieldType[] = PARTITIONED_TYPE) =>
  structToAvroRecord(manifestEntryStruct(v, partition), "manifest_entry");
const listSchema = (v: FormatVersion) => structToAvroRecord(manifestFileStruct(v), "manifest_file");

describe("the Avro schemas we write", () => {
  for (const v of [1, 2, 3] as const) {
    it(`v${v}: every field of the manifest entry and manifest file schemas has a field-id`, () => {
      for (const schema of [entrySchema(v), entrySchema(v, []), listSchema(v)]) {
        const missing = recordFields(schema).filter((f) => typeof f.field["field-id"] !== "number");
        expect(missing.map((f) => f.path)).toEqual([]);
      }
    });
  }

  it("maps are arrays of k<id>_v<id> records with the spec's key and value ids", () => {
    const ids = idsToNamesAndTypes(entrySchema(2));
    const pairs = [
      [117, 118],
      [119, 120],
      [121, 122],
      [138, 139],
      [126, 127],
      [129, 130],
    ];
    for (const [key, value] of pairs) {
      expect(ids.get(key)).toEqual({ name: "key", type: "int" });
      expect(ids.get(value)?.name).toBe("value");
    }
    const text = JSON.stringify(entrySchema(2));
    expect(text).toContain('"name":"k117_v118"');
    expect(text).toContain('"logicalType":"map"');
    expect(text).toContain('"element-id":133');
    expect(text).toContain('"element-id":136');
    expect(JSON.stringify(listSchema(2))).toContain('"element-id":508');
  });

  it("uses Avro logical types for partition values", () => {
    const types: PartitionFieldType[] = [
      { fieldId: 1000, name: "d", type: "date" },
      { fieldId: 1001, name: "t", type: "time" },
      { fieldId: 1002, name: "ts", type: "timestamp" },
      { fieldId: 1003, name: "tz", type: "timestamptz" },
      { fieldId: 1004, name: "dec", type: "decimal(38, 10)" },
      { fieldId: 1005, name: "u", type: "uuid" },
      { fieldId: 1006, name: "dec2", type: "decimal(38, 10)" },
    ];
    const partition = recordFields(entrySchema(2, types)).filter((f) =>
      f.path.startsWith("data_file.partition."),
    );
    const types_ = partition.map((f) => (f.field.type as unknown[])[1]);
    expect(types_).toEqual([
      { type: "int", logicalType: "date" },
      { type: "long", logicalType: "time-micros" },
      { type: "long", logicalType: "timestamp-micros", "adjust-to-utc": false },
      { type: "long", logicalType: "timestamp-micros", "adjust-to-utc": true },
      {
        type: "fixed",
        size: 16,
        logicalType: "decimal",
        precision: 38,
        scale: 10,
        name: "decimal_38_10",
      },
      { type: "fixed", size: 16, logicalType: "uuid", name: "uuid_fixed" },
      "decimal_38_10", // a named type is defined once, then referred to
    ]);
  });
});

/** Java (1.4–1.8) names; ids are what count, but names should be one of these. */
const ALIASES: Record<number, string[]> = {
  504: ["added_files_count", "added_data_files_count"],
  505: ["existing_files_count", "existing_data_files_count"],
  506: ["deleted_files_count", "deleted_data_files_count"],
};
/** Fields the current spec has that Spark 1.4.2 did not write yet. */
const NEWER_THAN_REFERENCES = new Set([143, 519]);

describeWhere(
  { ok: FIXTURES_PRESENT, missing: FIXTURES_ABSENT_NOTE },
  "field ids match the reference schemas",
  () => {
    const dir = fixturePath("metadata/avro-schemas");
    const files = FIXTURES_PRESENT ? readdirSync(dir).filter((f) => f.endsWith(".json")) : [];

    for (const file of files) {
      it(file, () => {
        const json = JSON.parse(readFileSync(join(dir, file), "utf8"));
        const reference = idsToNamesAndTypes(json["avro.schema"] ?? json);
        const ours = oursLike(reference);
        for (const [id, expected] of reference) {
          const actual = ours.get(id);
          expect(actual, `field ${id} (${expected.name})`).toBeDefined();
          expect(ALIASES[id] ?? [expected.name], `name of ${id}`).toContain(actual?.name);
          // iceberg-rust's test schema has the v2 sequence numbers optional; Java and the spec: required.
          const relaxed =
            file.startsWith("avro_schema_manifest_file_v2") && (id === 515 || id === 516);
          if (!relaxed)
            expect(actual?.type, `type of ${id} (${expected.name})`).toBe(expected.type);
        }
        const extra = [...ours.keys()].filter(
          (id) => !reference.has(id) && !NEWER_THAN_REFERENCES.has(id),
        );
        expect(extra).toEqual([]);
      });
    }
  },
);

/** Our schema for the same kind, version and partition tuple as a reference schema. */
function oursLike(reference: Map<number, { name: string; type: string }>) {
  if (reference.has(500)) return idsToNamesAndTypes(listSchema(reference.has(517) ? 2 : 1));
  const version: FormatVersion = reference.has(134) ? 2 : 1;
  const partition = [...reference]
    .filter(([id]) => id >= 1000)
    .map(([fieldId, { name, type }]) => ({ fieldId, name, type: icebergTypeOfLabel(type) }));
  return idsToNamesAndTypes(entrySchema(version, partition));
}

/** Reference partition fields are compared by id and Avro base type: an int or long stand-in will do. */
function icebergTypeOfLabel(label: string): string {
  return label.replace("optional ", "") === "long" ? "long" : "int";
}
