/**
 * A table in a temp folder with a commit loop, so each test reads as one idea: prepare,
 * commit, look. Every committed metadata is checked against the REST spec's
 * `TableMetadata` schema. Test support only.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { expectRestSchema } from "../../../../tests/support/rest-spec";
import { LocalFileIO } from "../../io";
import { planScan, scanToSql } from "../../scan";
import { parseJson, serializeTableMetadata } from "../../spec";
import type { Schema, TableMetadata } from "../../spec/types";
import { projectionSql } from "../data/source";
import type { PreparedCommit } from "../ops/prepared";
import { applyCommit } from "./apply-commit";
import { tableRowsSql } from "./read-table";
import { type NewTable, newTableMetadata } from "./tables";

export class TestTable {
  readonly io = new LocalFileIO();
  metadata: TableMetadata;

  constructor(
    readonly connection: DuckDBConnection,
    spec: NewTable,
  ) {
    this.metadata = newTableMetadata(spec);
  }

  get schema(): Schema {
    return this.metadata.schemas[0];
  }

  target() {
    return { connection: this.connection, io: this.io, metadata: this.metadata };
  }

  /** Builds against the current metadata, applies, validates; returns the new metadata. */
  async commit(prepared: PreparedCommit): Promise<TableMetadata> {
    const commit = await prepared.buildCommit(this.metadata);
    this.metadata = applyCommit(this.metadata, commit);
    expectRestSchema("TableMetadata", parseJson(serializeTableMetadata(this.metadata)));
    await prepared.cleanup(this.metadata);
    return this.metadata;
  }

  rowsSql(): Promise<string> {
    return tableRowsSql(this.io, this.metadata);
  }

  /** The table's rows as lib/iceberg/scan reads them: a second, independent reader. */
  async scanSql(): Promise<string> {
    return scanToSql(await planScan({ io: this.io, metadata: this.metadata }));
  }

  /**
   * Rows in the table that `expectedSql` does not have, and the other way round, read by
   * both readers (ours and lib/iceberg/scan); 0 when both see exactly the expected rows.
   */
  async difference(expectedSql: string): Promise<number> {
    const names = this.schema.fields.map((f) => f.name);
    const expected = projectionSql(this.schema, expectedSql, names);
    let total = 0;
    for (const actual of [await this.rowsSql(), `SELECT * FROM ${await this.scanSql()}`]) {
      const reader = await this.connection.runAndReadAll(
        `WITH e AS (${expected}), a AS (${actual})
         SELECT count(*) FROM ((FROM e EXCEPT ALL FROM a) UNION ALL (FROM a EXCEPT ALL FROM e))`,
      );
      total += Number(reader.getRows()[0][0]);
    }
    return total;
  }

  async count(): Promise<number> {
    const reader = await this.connection.runAndReadAll(
      `SELECT count(*) FROM (${await this.rowsSql()})`,
    );
    return Number(reader.getRows()[0][0]);
  }
}
