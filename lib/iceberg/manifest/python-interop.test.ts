/**
 * Interop: Apache's own Avro reader (Python) decodes the files we write, and sees what
 * we meant — including every logical type a partition tuple can use and 64-bit ids.
 */
import { expect, it } from "vitest";
import { describeWhere } from "@/tests/support/requires";
import { type ManifestEntry, summarizeManifest, writeManifest, writeManifestList } from "./index";
import { recordFields } from "./testing/avro-walk";
import { pythonAvroAvailable, readWithPythonAvro } from "./testing/python-avro";
import {
  dataFile,
  deleteEntries,
  PARTITIONED,
  PARTITIONED_TYPE,
  partition,
  SCHEMA,
  TYPED,
  TYPED_PARTITION_TYPE,
  TYPED_SCHEMA,
  TYPED_SPEC,
} from "./testing/samples";

const python = pythonAvroAvailable();

describeWhere(
  { ok: python.ok, missing: `${python.reason} (.ci/run installs python3-avro)` },
  "Python Avro reads what we write",
  () => {
    it("a v2 manifest with a partition field of every type", () => {
      const entry: ManifestEntry = {
        status: "added",
        dataFile: dataFile("s3://b/t/data/x.parquet", {
          partition: new Map(TYPED.map(([, value], i) => [1000 + i, value])),
        }),
      };
      const bytes = writeManifest({
        formatVersion: 2,
        schema: TYPED_SCHEMA,
        partitionSpec: TYPED_SPEC,
        partitionType: TYPED_PARTITION_TYPE,
        content: "data",
        entries: [entry],
        snapshotId: 9_223_372_036_854_775_807n,
      });
      const read = readWithPythonAvro(bytes);
      const [record] = read.records as {
        snapshot_id: unknown;
        data_file: Record<string, unknown>;
      }[];
      expect(record.snapshot_id).toBe("9223372036854775807");
      expect(Object.values(record.data_file.partition as object)).toEqual(
        TYPED.map(([, , shown]) => shown),
      );
      expect(record.data_file).toMatchObject({
        content: 0,
        file_path: "s3://b/t/data/x.parquet",
        file_format: "PARQUET",
        record_count: 100,
        column_sizes: [
          { key: 1, value: 800 },
          { key: 2, value: 1200 },
        ],
        lower_bounds: [{ key: 1, value: { hex: "0100000000000000" } }],
        split_offsets: [4],
        sort_order_id: 0,
      });
      expect(read.meta).toMatchObject({
        "format-version": "2",
        content: "data",
        "partition-spec-id": "4",
      });
      expect(JSON.parse(read.meta.schema)).toMatchObject({ "schema-id": 0, type: "struct" });
    });

    it("every field of the schema Python parsed carries a field-id", () => {
      for (const version of [1, 2, 3] as const) {
        const bytes = writeManifest({
          formatVersion: version,
          schema: SCHEMA,
          partitionSpec: PARTITIONED,
          partitionType: PARTITIONED_TYPE,
          content: "data",
          entries: [],
          snapshotId: 1n,
        });
        const missing = recordFields(readWithPythonAvro(bytes).schema).filter(
          (f) => typeof f.field["field-id"] !== "number",
        );
        expect(missing.map((f) => f.path)).toEqual([]);
      }
    });

    it("a v2 delete manifest and the manifest list that points at it", () => {
      const entries = deleteEntries([partition(["a", 1, 2, "b", 3n])]);
      const snapshotId = 4_611_686_018_427_387_904n;
      const common = {
        schema: SCHEMA,
        partitionSpec: PARTITIONED,
        partitionType: PARTITIONED_TYPE,
      };
      const manifest = writeManifest({
        formatVersion: 2,
        ...common,
        content: "deletes",
        entries,
        snapshotId,
      });
      const deletes = readWithPythonAvro(manifest).records.map(
        (r) => r.data_file as Record<string, unknown>,
      );
      expect(deletes.map((d) => d.content)).toEqual([1, 2]);
      expect(deletes[1].equality_ids).toEqual([1, 2]);
      expect(deletes[0].referenced_data_file).toBe("s3://bucket/t/data/a.parquet");

      const row = summarizeManifest({
        path: "s3://b/t/metadata/d-m0.avro",
        length: manifest.length,
        partitionSpecId: PARTITIONED.specId,
        content: "deletes",
        addedSnapshotId: snapshotId,
        partitionType: PARTITIONED_TYPE,
        entries,
      });
      const list = readWithPythonAvro(
        writeManifestList({
          formatVersion: 2,
          snapshotId,
          parentSnapshotId: 3n,
          sequenceNumber: 12,
          manifests: [row],
        }),
      );
      expect(list.meta).toMatchObject({
        "snapshot-id": String(snapshotId),
        "parent-snapshot-id": "3",
        "sequence-number": "12",
        "format-version": "2",
      });
      expect(list.records[0]).toMatchObject({
        manifest_path: "s3://b/t/metadata/d-m0.avro",
        manifest_length: manifest.length,
        content: 1,
        sequence_number: 12,
        min_sequence_number: 12,
        added_snapshot_id: String(snapshotId),
        added_files_count: 2,
        added_rows_count: 5,
        partitions: [
          {
            contains_null: false,
            contains_nan: false,
            lower_bound: { hex: "61" },
            upper_bound: { hex: "61" },
          },
          {
            contains_null: false,
            contains_nan: false,
            lower_bound: { hex: "01000000" },
            upper_bound: { hex: "01000000" },
          },
          {
            contains_null: false,
            contains_nan: false,
            lower_bound: { hex: "02000000" },
            upper_bound: { hex: "02000000" },
          },
          {
            contains_null: false,
            contains_nan: false,
            lower_bound: { hex: "62" },
            upper_bound: { hex: "62" },
          },
          {
            contains_null: false,
            contains_nan: false,
            lower_bound: { hex: "03" },
            upper_bound: { hex: "03" },
          },
        ],
      });
    });
  },
);
