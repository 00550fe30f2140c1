/**
 * Tarn's information_schema: `information_schema.schemata`, `.tables` and `.columns`
 * describe Tarn's catalog as the person may see it (information-rows.ts), never DuckDB's
 * own. Unqualified they span every catalog the person sees (DuckDB's way);
 * `<catalog>.information_schema.<table>` describes one catalog (Trino's and Athena's way).
 *
 * The rows are appended to a temp table on the statement's connection by a setup step,
 * so a catalog of 100,000 tables costs no SQL text. `columns` reads each table's schema:
 * it describes at most MAX_DESCRIBED_TABLES tables at once, narrowed first by the
 * statement's own `table_catalog` / `table_schema` / `table_name` equalities (and INs).
 */
import { randomUUID } from "node:crypto";
import { quoteIdent } from "@/lib/iceberg/duckdb";
import type { SimplePredicate } from "@/lib/query/federated";
import type { QueryContext, SetupStep } from "../types";
import type { TableIdent } from "./catalog-deps";
import { catalogsInScope, columnRows, schemaRows, type TableInfo, tableInfos } from "./information-rows";
import { PlanError } from "./plan-error";
import type { RelationRequest, SecuredRelation } from "./relations";

type Cell = string | number | null;

const TABLES = {
  schemata: ["catalog_name", "schema_name", "schema_owner", "comment"],
  tables: ["table_catalog", "table_schema", "table_name", "table_type", "table_comment"],
  columns: ["table_catalog", "table_schema", "table_name", "column_name", "ordinal_position", "column_default", "is_nullable", "data_type", "column_comment"],
} as const;

export type InformationTable = keyof typeof TABLES;

export interface InformationRef {
  /** null: every catalog the person may see. */
  catalog: string | null;
  table: InformationTable;
}

export const MAX_DESCRIBED_TABLES = 1_000;

/** `information_schema.tables`, `lake.information_schema.columns`…; null for any other name. */
export function informationRef(parts: string[]): InformationRef | null {
  const table = parts[parts.length - 1].toLowerCase();
  if (!Object.hasOwn(TABLES, table) || parts[parts.length - 2]?.toLowerCase() !== "information_schema") return null;
  if (parts.length === 2) return { catalog: null, table: table as InformationTable };
  return parts.length === 3 ? { catalog: parts[0], table: table as InformationTable } : null;
}

/** The columns a table's read policy lets the person read (null: all), false when none. */
export type ReadableColumns = (ident: TableIdent) => Promise<string[] | null | false>;

export async function informationRelation(ctx: QueryContext, ref: InformationRef, request: RelationRequest, readable: ReadableColumns): Promise<SecuredRelation> {
  const catalogs = await catalogsInScope(ctx, ref.catalog, request.position);
  const names = TABLES[ref.table];
  const narrow = narrowing(request.pushdown?.([...names]).predicates ?? []);
  let rows: Cell[][];
  if (ref.table === "schemata") {
    rows = (await schemaRows(ctx, catalogs)).map((s) => [s.catalog, s.schema, s.owner, s.comment]);
  } else {
    const tables = (await tableInfos(ctx, catalogs)).filter(narrow);
    rows = ref.table === "tables" ? tables.map((t) => [...place(t), t.type, t.comment]) : await columnsOf(ctx, tables, readable, request.position);
  }
  const temp = `tarn_information_${randomUUID().replaceAll("-", "")}`;
  return { sql: `(SELECT * FROM temp.main.${quoteIdent(temp)})`, setup: [fillStep(temp, ref.table, rows)], tablesRead: [] };
}

async function columnsOf(ctx: QueryContext, tables: TableInfo[], readable: ReadableColumns, position?: number): Promise<Cell[][]> {
  if (tables.length > MAX_DESCRIBED_TABLES) {
    throw new PlanError(
      `information_schema.columns would describe ${tables.length} tables; it describes at most ${MAX_DESCRIBED_TABLES} at once. Narrow it with WHERE table_catalog = …, table_schema = … or table_name = ….`,
      position,
    );
  }
  const rows: Cell[][] = [];
  for (const table of tables) {
    for (const c of await columnRows(ctx, table, readable)) rows.push([...place(table), c.name, c.position, null, c.nullable ? "YES" : "NO", c.type, c.comment]);
  }
  return rows;
}

function place(table: TableInfo): [string, string, string] {
  return [table.ident.catalog, table.ident.namespace.join("."), table.ident.name];
}

/**
 * The statement's equalities on where a table is, as a filter of tables: a pre-filter
 * only (the statement's WHERE still applies), so anything else passes.
 */
function narrowing(predicates: SimplePredicate[]): (table: TableInfo) => boolean {
  const wanted = new Map<string, Set<string>>();
  for (const p of predicates) {
    const values = p.op === "=" ? [p.value] : p.op === "IN" ? p.values : [];
    if (values.length === 0 || values.some((v) => v.type !== "string")) continue;
    wanted.set(p.column, new Set(values.map((v) => String(v.value))));
  }
  return (table) => {
    const [catalog, schema, name] = place(table);
    const fits = (column: string, value: string) => wanted.get(column)?.has(value) ?? true;
    return fits("table_catalog", catalog) && fits("table_schema", schema) && fits("table_name", name);
  };
}

function fillStep(temp: string, table: InformationTable, rows: Cell[][]): SetupStep {
  const columns = TABLES[table].map((name) => `${quoteIdent(name)} ${name === "ordinal_position" ? "INTEGER" : "VARCHAR"}`);
  return {
    describe: `list information_schema.${table}`,
    run: async (connection) => {
      await connection.run(`CREATE TEMP TABLE ${quoteIdent(temp)} (${columns.join(", ")})`);
      const appender = await connection.duck.createAppender(temp, "main", "temp");
      try {
        for (const row of rows) {
          for (const cell of row) {
            if (cell === null) appender.appendNull();
            else if (typeof cell === "number") appender.appendInteger(cell);
            else appender.appendVarchar(cell);
          }
          appender.endRow();
        }
      } finally {
        appender.closeSync();
      }
    },
  };
}
