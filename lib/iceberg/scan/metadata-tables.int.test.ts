/**
 * Metadata tables on fixture tables: the values other engines report for them (DuckDB's
 * iceberg_column_stats / iceberg_partition_stats expectations, the metadata files), and
 * every table usable as a DuckDB relation.
 */
import { describe, expect, it } from "vitest";
import { openTable } from "./load-table";
import { METADATA_TABLE_NAMES, metadataTable, metadataTableSql } from "./metadata-tables";
import { duckDBPerFile, fixtureTable, io } from "./testing/engine";

const duck = duckDBPerFile();

async function tableInput(name: string) {
  const table = await openTable(io, fixtureTable(name));
  return { io, metadata: table.metadata, resolver: table.resolver };
}

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  const reader = await duck.connection().runAndReadAll(sql);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}

describe("files", () => {
  it("decodes metrics as DuckDB-iceberg's column stats show them (hive_partitioned_table)", async () => {
    const sql = await metadataTableSql("files", await tableInput("hive_partitioned_table"));
    const [file] = await rows(
      `SELECT partition::VARCHAR AS p, lower_bounds[1] AS date_low, upper_bounds[2] AS user_high,
              column_sizes[1] AS date_size, column_sizes[2] AS user_size, value_counts[3] AS type_values,
              null_value_counts[3] AS type_nulls, record_count, content, file_format, spec_id
       FROM ${sql} f WHERE file_path LIKE '%event_date=2024-01-01/%'`,
    );
    expect(file).toEqual({
      p: "{'event_date': 2024-01-01, 'event_type': NULL}",
      date_low: "2024-01-01",
      user_high: "12345",
      date_size: 36n,
      user_size: 40n,
      type_values: 1n,
      type_nulls: 0n,
      record_count: 1n,
      content: 0,
      file_format: "PARQUET",
      spec_id: 0,
    });
    expect((await rows(`SELECT * FROM ${sql} f`)).length).toBe(6);
  });

  it("lists delete files with their content and equality ids", async () => {
    const sql = await metadataTableSql(
      "files",
      await tableInput("equality_deletes/warehouse/mydb/mytable"),
    );
    const counts = await rows(
      `SELECT content, count(*) AS n FROM ${sql} f GROUP BY ALL ORDER BY ALL`,
    );
    expect(counts).toEqual([
      { content: 0, n: 2n },
      { content: 2, n: 4n },
    ]);
    const ids = await rows(
      `SELECT DISTINCT equality_ids::VARCHAR AS ids FROM ${sql} f WHERE content = 2 ORDER BY 1`,
    );
    expect(ids.map((r) => r.ids)).toEqual(["[1, 2]", "[1]", "[2]"]);
  });
});

describe("manifests", () => {
  it("shows partition summaries as DuckDB-iceberg's partition stats do", async () => {
    const sql = await metadataTableSql("manifests", await tableInput("hive_partitioned_table"));
    const manifests = await rows(
      `SELECT added_snapshot_id, partition_spec_id, partition_summaries::VARCHAR AS s FROM ${sql} m ORDER BY partition_spec_id`,
    );
    expect(manifests).toEqual([
      {
        added_snapshot_id: 2541674261311761067n,
        partition_spec_id: 0,
        s: "[{'contains_null': false, 'contains_nan': false, 'lower_bound': 2024-01-01, 'upper_bound': 2024-01-02}]",
      },
      {
        added_snapshot_id: 5128628767169163501n,
        partition_spec_id: 1,
        s: "[{'contains_null': false, 'contains_nan': false, 'lower_bound': 2024-01-03, 'upper_bound': 2024-01-04}, {'contains_null': false, 'contains_nan': false, 'lower_bound': click, 'upper_bound': view}]",
      },
    ]);
  });
});

describe("partitions", () => {
  it("groups live data files by partition across evolved specs", async () => {
    const sql = await metadataTableSql("partitions", await tableInput("hive_partitioned_table"));
    const partitions = await rows(
      `SELECT partition.event_date::VARCHAR AS d, partition.event_type AS t, record_count, file_count FROM ${sql} p ORDER BY ALL`,
    );
    expect(partitions).toEqual([
      { d: "2024-01-01", t: null, record_count: 1n, file_count: 1n },
      { d: "2024-01-02", t: null, record_count: 1n, file_count: 1n },
      { d: "2024-01-03", t: "click", record_count: 1n, file_count: 1n },
      { d: "2024-01-03", t: "view", record_count: 1n, file_count: 1n },
      { d: "2024-01-04", t: "purchase", record_count: 1n, file_count: 1n },
      { d: "2024-01-04", t: "view", record_count: 1n, file_count: 1n },
    ]);
  });
});

describe("snapshots, history, refs", () => {
  it("follow the metadata, with Trino's column names", async () => {
    const input = await tableInput("spark/2");
    const snapshots = await rows(
      `SELECT snapshot_id, parent_id, operation, summary['total-records'] AS total FROM ${await metadataTableSql("snapshots", input)} s`,
    );
    expect(snapshots).toHaveLength(7);
    expect(snapshots.at(-1)).toEqual({
      snapshot_id: 4786266686210019019n,
      parent_id: 3119545726281138740n,
      operation: "overwrite",
      total: "18044",
    });
    const history = await rows(`SELECT * FROM ${await metadataTableSql("history", input)} h`);
    expect(history.every((h) => h.is_current_ancestor === true)).toBe(true);
    const refs = await rows(
      `SELECT name, type, snapshot_id FROM ${await metadataTableSql("refs", input)} r`,
    );
    expect(refs).toEqual([{ name: "main", type: "BRANCH", snapshot_id: 4786266686210019019n }]);
  });

  it("are empty, with their columns, for a table without snapshots", async () => {
    const input = await tableInput("custom_write_paths");
    for (const name of METADATA_TABLE_NAMES) {
      const table = await metadataTable(name, input);
      expect(table.rows).toEqual([]);
      const described = await rows(
        `DESCRIBE SELECT * FROM ${await metadataTableSql(name, input)} t`,
      );
      expect(described.map((c) => c.column_name)).toEqual(table.columns.map((c) => c.name));
    }
  });
});

describe("every metadata table as SQL", () => {
  it.each(METADATA_TABLE_NAMES)("%s has as many rows as its row array", async (name) => {
    const input = await tableInput("equality_deletes/warehouse/mydb/mytable_partitioned");
    const table = await metadataTable(name, input);
    const [{ n }] = await rows(
      `SELECT count(*) AS n FROM ${await metadataTableSql(name, input)} t`,
    );
    expect(Number(n)).toBe(table.rows.length);
  });
});
