/**
 * Every manifest list and manifest of the shared reference tables (Spark, PyIceberg,
 * iceberg-rust, BigQuery, DuckDB-generated) decodes, and what it says holds together.
 */
import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { expect, it } from "vitest";
import { describeWhere } from "@/tests/support/requires";
import {
  type ManifestError,
  type ManifestFile,
  readManifest,
  readManifestList,
  resolveManifestEntries,
  summarizePartitions,
} from "./index";
import { FIXTURES_ABSENT_NOTE, FIXTURES_PRESENT, fixturePath, walkFiles } from "./testing/fixtures";

const ENCRYPTED = "manifest-list-v3-encrypted.avro";

function allAvroFiles(): string[] {
  const isAvro = (name: string) => name.endsWith(".avro");
  return [
    ...walkFiles(fixturePath("tables"), isAvro),
    ...walkFiles(fixturePath("metadata/iceberg-rust/avro-older"), isAvro),
    ...walkFiles(fixturePath("metadata/iceberg-rust/manifests_lists"), isAvro),
  ];
}

/** Lists are `snap-*.avro` (BigQuery: `*-manifest-list-*`, iceberg-rust: `*manifest_list*`). */
function isManifestList(path: string): boolean {
  const name = basename(path);
  return /^snap-|manifest-list|manifest_list/.test(name);
}

describeWhere(
  { ok: FIXTURES_PRESENT, missing: FIXTURES_ABSENT_NOTE },
  "reading the reference tables",
  () => {
    const files = allAvroFiles();
    const lists = files.filter(isManifestList);
    const manifests = files.filter((f) => !isManifestList(f));

    it("finds the fixture files", () => {
      expect(lists.length).toBeGreaterThanOrEqual(80);
      expect(manifests.length).toBeGreaterThanOrEqual(85);
    });

    it("decodes every manifest list (except the encrypted one)", () => {
      for (const path of lists.filter((p) => basename(p) !== ENCRYPTED)) {
        const list = readManifestList(readFileSync(path), 2);
        for (const manifest of list.manifests) checkManifestFile(manifest, path);
      }
    });

    it("decodes every manifest", () => {
      for (const path of manifests) {
        const { metadata, entries } = readManifest(readFileSync(path));
        expect([1, 2, 3], path).toContain(metadata.formatVersion);
        for (const entry of entries) {
          expect(entry.dataFile.recordCount, path).toBeGreaterThanOrEqual(0);
          expect([...entry.dataFile.partition.keys()], path).toEqual(
            metadata.partitionType.map((f) => f.fieldId),
          );
          const deletes = entry.dataFile.content !== "data";
          expect(deletes, path).toBe(metadata.content === "deletes");
        }
      }
    });

    it("refuses the encrypted v3 manifest list with a clear error", () => {
      const path = fixturePath("metadata/iceberg-rust/manifests_lists", ENCRYPTED);
      expect(() => readManifestList(readFileSync(path), 3)).toThrow(/encrypted/);
      try {
        readManifestList(readFileSync(path), 3);
      } catch (error) {
        expect((error as ManifestError).kind).toBe("encrypted");
      }
    });

    it("recomputes the partition summaries Java and PyIceberg wrote", () => {
      let compared = 0;
      for (const listPath of lists.filter((p) => basename(p) !== ENCRYPTED)) {
        for (const row of readManifestList(readFileSync(listPath), 2).manifests) {
          const manifestPath = join(dirname(listPath), basename(row.path));
          if (!row.partitions || !manifests.includes(manifestPath)) continue;
          const { metadata, entries } = readManifest(readFileSync(manifestPath));
          const ours = summarizePartitions(
            metadata.partitionType,
            entries.map((e) => e.dataFile.partition),
          );
          const theirs = row.partitions.map(({ containsNan, ...rest }) => rest);
          expect(
            ours.map(({ containsNan, ...rest }) => rest),
            manifestPath,
          ).toEqual(theirs);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(10);
    });
  },
);

function checkManifestFile(manifest: ManifestFile, listPath: string): void {
  expect(manifest.path, listPath).not.toBe("");
  expect(manifest.sequenceNumber, listPath).toBeGreaterThanOrEqual(manifest.minSequenceNumber);
  expect(typeof manifest.addedSnapshotId, listPath).toBe("bigint");
}

describeWhere(
  { ok: FIXTURES_PRESENT, missing: FIXTURES_ABSENT_NOTE },
  "spark-v1-v2 final snapshots",
  () => {
    const table = (v: number) =>
      fixturePath(
        `tables/spark-v1-v2/data/iceberg/generated_spec${v}_0_001/pyspark_iceberg_table/metadata`,
      );
    const expectedCount = (v: number) =>
      Number(
        readFileSync(
          fixturePath(
            `expected/spark-v1-v2/generated_spec${v}_0_001/expected_results/last/count.csv`,
          ),
          "utf8",
        )
          .trim()
          .split("\n")[1],
      );

    /** Live rows of data files and of position-delete files in the snapshot's manifests. */
    function liveRows(dir: string, listName: string, formatVersion: 1 | 2) {
      const list = readManifestList(readFileSync(join(dir, listName)), formatVersion);
      const rows = { data: 0, positionDeletes: 0, deleteManifests: 0 };
      for (const manifest of list.manifests) {
        const { entries } = readManifest(readFileSync(join(dir, basename(manifest.path))));
        if (manifest.content === "deletes") rows.deleteManifests++;
        expect(entries.filter((e) => e.status === "added").length).toBe(manifest.addedFilesCount);
        for (const entry of resolveManifestEntries(entries, manifest)) {
          expect(entry.sequenceNumber).toBeLessThanOrEqual(manifest.sequenceNumber);
          if (entry.status === "deleted") continue;
          if (entry.dataFile.content === "data") rows.data += entry.dataFile.recordCount;
          if (entry.dataFile.content === "position-deletes")
            rows.positionDeletes += entry.dataFile.recordCount;
        }
      }
      return rows;
    }

    it("v1: live data rows equal Spark's count, no delete manifests", () => {
      const rows = liveRows(
        table(1),
        "snap-4407328776463037310-1-c091e891-ac3a-4429-be9a-e63f1ed63b99.avro",
        1,
      );
      expect(rows).toEqual({ data: expectedCount(1), positionDeletes: 0, deleteManifests: 0 });
    });

    it("v2: data rows minus position-delete rows equal Spark's count (merge-on-read)", () => {
      const rows = liveRows(
        table(2),
        "snap-4786266686210019019-1-7c6f85be-3a33-4e3a-817d-7839fa44ff07.avro",
        2,
      );
      // The snapshot summary says total-records 18044 and total-position-deletes 11452.
      expect(rows.data).toBe(18044);
      expect(rows.positionDeletes).toBe(11452);
      expect(rows.deleteManifests).toBeGreaterThan(0);
      expect(rows.data - rows.positionDeletes).toBe(expectedCount(2));
    });
  },
);

describeWhere({ ok: FIXTURES_PRESENT, missing: FIXTURES_ABSENT_NOTE }, "specific files", () => {
  const persistent = (path: string) =>
    readFileSync(fixturePath("tables/persistent/data/persistent", path));

  it("reads PyIceberg's spec names and Java's added_data_files_count alike, by id", () => {
    const java = readManifestList(
      persistent(
        "hive_partitioned_table/metadata/snap-5128628767169163501-1-fee93099-6425-4d83-bd7c-0aa646533090.avro",
      ),
      2,
    );
    expect(java.metadata.keyValue["avro.schema"]).toContain("added_data_files_count");
    expect(java.manifests.every((m) => m.addedFilesCount !== undefined)).toBe(true);
    const py = readManifestList(
      readFileSync(
        fixturePath(
          "tables/pyiceberg-written/warehouse/test_ns.db/target/metadata/snap-6962069681001976462-0-643a1a07-c467-45f9-8e4f-e59ef5d300c8.avro",
        ),
      ),
      2,
    );
    expect(py.metadata.keyValue["avro.schema"]).toContain('"added_files_count"');
    expect(py.manifests[0].addedFilesCount).toBe(1);
  });

  it("decodes an identity(date) partition summary (spec-vectors: 0b4d0000 = 2024-01-01)", () => {
    const list = readManifestList(
      persistent(
        "hive_partitioned_table/metadata/snap-2541674261311761067-1-8f7c6cdd-f7e6-4743-857e-021adfe0b999.avro",
      ),
      2,
    );
    const summary = list.manifests[0].partitions?.[0];
    expect(Buffer.from(summary?.lowerBound ?? []).toString("hex")).toBe("0b4d0000");
  });

  it("decodes partition values of each type to lib/iceberg/values' representation", () => {
    const first = (table: string) => {
      const dir = fixturePath("tables/persistent/data/persistent", table);
      const path = walkFiles(dir, (n) => /-m\d+\.avro$/.test(n))[0];
      return readManifest(readFileSync(path)).entries.map((e) => e.dataFile.partition.get(1000));
    };
    expect(first("partition_bigint")).toContain(9223372036854775807n);
    expect(first("partition_integer")).toContain(1337);
    expect(first("partition_bool")).toContain(true);
    expect(
      first("partition_decimal_smallint").every((v) => v === null || typeof v === "bigint"),
    ).toBe(true);
    expect(first("partition_timestamptz")).toContain(1684161045000000n);
    expect(first("partition_time")).toContain(45296000000n);
    const fixed = first("partition_fixed_length_binary").find((v) => v instanceof Uint8Array);
    expect(new TextDecoder().decode(fixed as Uint8Array)).toBe("hello world");
  });

  it("reads iceberg-rust's older files, which carry no field ids, by the spec's names", () => {
    const older = (name: string) =>
      readFileSync(fixturePath("metadata/iceberg-rust/avro-older", name));
    const manifest = readManifest(older("partition_manifest_v2.avro"));
    expect(manifest.metadata.partitionType.map((f) => f.type)).toEqual(["int", "long"]);
    expect([...manifest.entries[0].dataFile.partition.values()]).toEqual([1, 1000n]);
    const list = readManifestList(older("simple_manifest_list_v2.avro"), 2);
    expect(list.manifests[0]).toMatchObject({
      partitionSpecId: 1,
      sequenceNumber: 1,
      addedFilesCount: 1,
    });
  });

  it("reads BigQuery's all-optional schema (no Iceberg metadata keys)", () => {
    const dir = "big_query_error/metadata/24f5f399-c7ec-488d-a9d3-f0aceb454be2-4830b289af0338e2-f-";
    const manifest = readManifest(persistent(`${dir}00000-of-00001.avro`));
    expect(manifest.metadata.partitionSpec).toBeUndefined();
    expect(manifest.entries[0].dataFile.filePath).toMatch(/\.parquet$/);
    expect(manifest.entries[0].dataFile.valueCounts?.size).toBeGreaterThan(0);
    readManifestList(persistent(`${dir}manifest-list-00000-of-00001.avro`), 2);
  });
});
