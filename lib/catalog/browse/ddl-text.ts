/**
 * The CREATE TABLE statement (Spark SQL, as the Iceberg docs write it) that would recreate
 * a table: columns with types, nullability and comments, partitioning with transforms,
 * comment and properties; an Iceberg sort order follows as `ALTER TABLE … WRITE ORDERED BY`.
 * The location is left out on purpose: a copy belongs in a folder of its own.
 */
import { findFieldById, type PartitionSpec, type Schema, type SortOrder } from "@/lib/iceberg/spec";
import { sparkField, sparkIdent, sparkName, sparkString, sparkTypeOfDisplay } from "./spark-sql";

export interface IcebergDdlInput {
  /** Catalog, namespace levels, table. */
  name: string[];
  schema: Schema;
  spec?: PartitionSpec;
  sortOrder?: SortOrder;
  formatVersion: number;
  properties: Record<string, string>;
  comment?: string | null;
}

export function icebergTableDdl(input: IcebergDdlInput): string {
  const columns = input.schema.fields.map((f) => `  ${sparkField(f)}`).join(",\n");
  const partitions = (input.spec?.fields ?? [])
    .filter((f) => f.transform !== "void")
    .map((f) => transformSql(input.schema, f.sourceId, f.transform));
  const comment = input.comment ?? input.properties.comment;
  const properties = [
    ["format-version", String(input.formatVersion)],
    ...Object.entries(input.properties)
      .filter(([k]) => k !== "comment" && k !== "format-version")
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  ];
  const lines = [`CREATE TABLE ${sparkName(input.name)} (`, columns, ")", "USING iceberg"];
  if (partitions.length) lines.push(`PARTITIONED BY (${partitions.join(", ")})`);
  if (comment) lines.push(`COMMENT ${sparkString(comment)}`);
  lines.push(
    `TBLPROPERTIES (\n${properties.map(([k, v]) => `  ${sparkString(k)} = ${sparkString(v)}`).join(",\n")}\n);`,
  );
  const order = (input.sortOrder?.fields ?? []).map(
    (f) =>
      `${transformSql(input.schema, f.sourceId, f.transform)} ${f.direction.toUpperCase()} NULLS ${f.nullOrder === "nulls-first" ? "FIRST" : "LAST"}`,
  );
  if (order.length)
    lines.push(`ALTER TABLE ${sparkName(input.name)} WRITE ORDERED BY ${order.join(", ")};`);
  return lines.join("\n");
}

/** `month(order_date)`, `bucket(16, id)`, `truncate(4, name)`, or the column itself. */
export function transformSql(schema: Schema, sourceId: number, transform: string): string {
  const source = findFieldById(schema, sourceId);
  const column = source
    ? source.fullName.split(".").map(sparkIdent).join(".")
    : `column_${sourceId}`;
  const sized = transform.match(/^(bucket|truncate)\[(\d+)\]$/);
  if (sized) return `${sized[1]}(${sized[2]}, ${column})`;
  return transform === "identity" ? column : `${transform}(${column})`;
}

export interface ExternalDdlInput {
  name: string[];
  columns: { name: string; type: string; partition: boolean }[];
  format: string;
  location: string;
  options: Record<string, unknown>;
  comment?: string | null;
}

/** `CREATE TABLE … USING parquet PARTITIONED BY (year) LOCATION '…'`: a Spark table over the same files. */
export function externalTableDdl(input: ExternalDdlInput): string {
  const data = input.columns.filter((c) => !c.partition);
  const partitions = input.columns.filter((c) => c.partition);
  // Spark lists partition columns with the others and names them in PARTITIONED BY.
  const columns = [...data, ...partitions]
    .map((c) => `  ${sparkIdent(c.name)} ${sparkTypeOfDisplay(c.type)}`)
    .join(",\n");
  const lines = [`CREATE TABLE ${sparkName(input.name)} (`, columns, ")", `USING ${input.format}`];
  if (partitions.length)
    lines.push(`PARTITIONED BY (${partitions.map((c) => sparkIdent(c.name)).join(", ")})`);
  const options = Object.entries(input.options).filter(
    ([k]) => k !== "hivePartitioning" && k !== "unionByName",
  );
  if (options.length)
    lines.push(
      `OPTIONS (${options.map(([k, v]) => `${sparkString(k)} = ${sparkString(String(v))}`).join(", ")})`,
    );
  if (input.comment) lines.push(`COMMENT ${sparkString(input.comment)}`);
  lines.push(`LOCATION ${sparkString(input.location)};`);
  return lines.join("\n");
}
