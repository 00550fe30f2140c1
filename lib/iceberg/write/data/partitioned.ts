/**
 * Partitioned writes: the rows are staged once in a temporary table with their
 * partition values computed in SQL (partition/transform-sql.ts) and a dense partition
 * number, sorted by it; then one COPY per partition writes that partition's folder.
 * Sorting keeps each partition in few row groups, so each COPY's filter skips the rest
 * by zone maps instead of rescanning everything.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { joinLocation } from "../../io";
import type { PartitionData } from "../../manifest";
import { findFieldById, indexFieldsById } from "../../spec";
import type { PartitionSpec, Schema } from "../../spec/types";
import { partitionPathForSpec, resultType } from "../../transforms";
import type { PrimitiveValue } from "../../values";
import { queryRows } from "../duck/query";
import { fromDuckValue } from "../duck/values";
import { transformSql } from "../partition/transform-sql";
import { registerTransformUdfs } from "../partition/udf";
import { structPathOf } from "../sql/columns";
import { quoteIdent, quotePath } from "../../duckdb/quote";

export interface StagedPartition {
  ordinal: number;
  partition: PartitionData;
  /** Relative folder, `ts_day=2024-01-01/id_bucket=3`. */
  path: string;
  /** Selects this partition's rows, table columns only. */
  selectSql: string;
}

export interface Stage {
  partitions: StagedPartition[];
  drop(): Promise<void>;
}

const PART = quoteIdent("__tarn_part");
const key = (i: number) => quoteIdent(`__tarn_p${i}`);

export async function stagePartitions(
  connection: DuckDBConnection,
  rowsSql: string,
  schema: Schema,
  spec: PartitionSpec,
  stageName: string,
): Promise<Stage> {
  registerTransformUdfs(connection);
  const table = quoteIdent(stageName);
  const keys = spec.fields.map((field, i) => `${partitionValueSql(schema, field.sourceId, field.transform)} AS ${key(i)}`);
  const order = spec.fields.map((_, i) => key(i)).join(", ");
  await connection.run(
    `CREATE TEMP TABLE ${table} AS
     SELECT *, dense_rank() OVER (ORDER BY ${order}) AS ${PART}
     FROM (SELECT rows.*, ${keys.join(", ")} FROM (${rowsSql}) AS rows)
     ORDER BY ${PART}`,
  );
  const drop = async () => {
    await connection.run(`DROP TABLE IF EXISTS ${table}`);
  };
  try {
    const distinct = await queryRows(
      connection,
      `SELECT DISTINCT ${PART}, ${order} FROM ${table} ORDER BY ${PART}`,
    );
    const columns = schema.fields.map((f) => quoteIdent(f.name)).join(", ");
    const partitions = distinct.map(([ordinal, ...raw]) => {
      const values = spec.fields.map((field, i) =>
        fromDuckValue(resultType(field.transform, sourceType(schema, field.sourceId)), raw[i]),
      );
      return {
        ordinal: Number(ordinal),
        partition: partitionData(spec, values),
        path: partitionPathForSpec(spec, schema, values),
        selectSql: `SELECT ${columns} FROM ${table} WHERE ${PART} = ${Number(ordinal)}`,
      };
    });
    return { partitions, drop };
  } catch (error) {
    await drop();
    throw error;
  }
}

export function partitionFolder(dataFolder: string, relative: string): string {
  return relative === "" ? dataFolder : joinLocation(dataFolder, relative);
}

function partitionValueSql(schema: Schema, sourceId: number, transform: string): string {
  const field = indexFieldsById(schema).get(sourceId);
  const path = field ? structPathOf(field, indexFieldsById(schema)) : undefined;
  if (!path) throw new Error(`partition source ${sourceId} is not a column reachable through structs`);
  return transformSql(transform, sourceType(schema, sourceId), `rows.${quotePath(path)}`);
}

function sourceType(schema: Schema, sourceId: number): string {
  return findFieldById(schema, sourceId)?.type as string;
}

function partitionData(spec: PartitionSpec, values: (PrimitiveValue | null)[]): PartitionData {
  return new Map(spec.fields.map((field, i) => [field.fieldId, values[i]]));
}
