/** CREATE SCHEMA, CREATE TABLE (with columns, or AS SELECT), CREATE VIEW. */
import type { ColumnDef, Command, CreateSchema, CreateTable, CreateTableAs, CreateView, PartitionItem, Properties, QualifiedName } from "./ast";
import { partitionList, propertyList, querySpan } from "./clauses";
import { columnType } from "./column-types";
import type { Cursor } from "./cursor";

export function createStatement(cursor: Cursor): Command {
  const create = cursor.expect("CREATE");
  const orReplace = cursor.accept("OR", "REPLACE");
  if (cursor.is("TEMP") || cursor.is("TEMPORARY")) {
    throw cursor.unsupported("temporary tables and views", "Tarn's tables and views live in the catalog.");
  }
  if (cursor.accept("SCHEMA") || cursor.accept("DATABASE") || cursor.accept("NAMESPACE")) {
    if (orReplace) throw cursor.unsupported("CREATE OR REPLACE SCHEMA", undefined, create);
    return createSchema(cursor);
  }
  if (cursor.accept("TABLE")) return createTable(cursor, orReplace);
  if (cursor.accept("VIEW")) return createView(cursor, orReplace);
  const what = cursor.peek().text.toUpperCase() || "this";
  throw cursor.unsupported(`CREATE ${what}`, "Tarn creates schemas, tables and views.");
}

function ifNotExists(cursor: Cursor): boolean {
  return cursor.accept("IF", "NOT", "EXISTS");
}

function createSchema(cursor: Cursor): CreateSchema {
  const notExists = ifNotExists(cursor);
  const name = cursor.qualifiedName("a schema name");
  const properties: Properties = {};
  while (!cursor.atEnd()) {
    if (cursor.accept("COMMENT")) properties.comment = cursor.string("the comment");
    else if (cursor.accept("WITH")) {
      if (!cursor.accept("PROPERTIES")) cursor.accept("DBPROPERTIES");
      Object.assign(properties, propertyList(cursor));
    } else if (cursor.is("LOCATION")) throw cursor.unsupported("a schema LOCATION", "Tables go in the catalog's storage.");
    else throw cursor.error("expected COMMENT, WITH (…) or the end of the statement");
  }
  cursor.end();
  return { kind: "createSchema", name, ifNotExists: notExists, properties };
}

function createTable(cursor: Cursor, orReplace: boolean): CreateTable | CreateTableAs {
  const notExists = ifNotExists(cursor);
  if (orReplace && notExists) throw cursor.error("OR REPLACE and IF NOT EXISTS cannot be combined");
  const name = cursor.qualifiedName("a table name");
  if (cursor.is("LIKE") || cursor.is("CLONE")) throw cursor.unsupported(`CREATE TABLE … ${cursor.peek().upper}`, "Use CREATE TABLE … AS SELECT.");
  const columns = cursor.isPunct("(") && !isQueryInParens(cursor) ? columnList(cursor) : undefined;
  const options = tableOptions(cursor);
  if (cursor.accept("AS")) {
    if (columns) throw cursor.unsupported("a column list with CREATE TABLE … AS SELECT", "Name the columns in the SELECT.");
    const query = querySpan(cursor);
    cursor.end();
    return { kind: "createTableAs", name, ifNotExists: notExists, orReplace, query, ...options };
  }
  if (!columns) throw cursor.error('expected a column list "(…)" or AS SELECT');
  if (orReplace) throw cursor.unsupported("CREATE OR REPLACE TABLE with a column list", "Use CREATE OR REPLACE TABLE … AS SELECT, or drop the table first.");
  cursor.end();
  return { kind: "createTable", name, ifNotExists: notExists, columns, ...options };
}

/** `CREATE TABLE t (SELECT …)` is not a column list. */
function isQueryInParens(cursor: Cursor): boolean {
  return cursor.peek(1).kind === "word" && ["SELECT", "WITH", "FROM", "VALUES"].includes(cursor.peek(1).upper);
}

function columnList(cursor: Cursor): ColumnDef[] {
  cursor.expectPunct("(");
  const columns: ColumnDef[] = [];
  do {
    if (cursor.is("PRIMARY") || cursor.is("UNIQUE") || cursor.is("CONSTRAINT") || cursor.is("CHECK") || cursor.is("FOREIGN")) {
      throw cursor.unsupported("table constraints", "Iceberg tables have no keys or checks.");
    }
    columns.push(columnDef(cursor));
  } while (cursor.acceptPunct(","));
  cursor.expectPunct(")", '"," or ")" after a column');
  return columns;
}

/** `name type [NOT NULL | NULL] [COMMENT '…']` */
function columnDef(cursor: Cursor): ColumnDef {
  const name = cursor.name("a column name");
  return { name, ...columnBody(cursor) };
}

/** What follows a column's name: `type [NOT NULL | NULL] [COMMENT '…']` (also ALTER TABLE … ADD COLUMN). */
export function columnBody(cursor: Cursor): Omit<ColumnDef, "name"> {
  const type = columnType(cursor);
  let notNull = false;
  let comment: string | undefined;
  for (;;) {
    if (cursor.accept("NOT", "NULL")) notNull = true;
    else if (cursor.accept("NULL")) notNull = false;
    else if (cursor.accept("COMMENT")) comment = cursor.string("the column comment");
    else if (cursor.is("PRIMARY") || cursor.is("UNIQUE") || cursor.is("REFERENCES") || cursor.is("CHECK")) {
      throw cursor.unsupported(`${cursor.peek().upper} on a column`, "Iceberg tables have no keys or checks.");
    } else if (cursor.is("DEFAULT") || cursor.is("GENERATED")) {
      throw cursor.unsupported(`column ${cursor.peek().upper} values`);
    } else break;
  }
  return { type, notNull, ...(comment === undefined ? {} : { comment }) };
}

interface TableOptions {
  partitionBy: PartitionItem[];
  comment?: string;
  properties: Properties;
}

/** PARTITIONED BY, COMMENT, TBLPROPERTIES / WITH (…), USING iceberg — in any order. */
function tableOptions(cursor: Cursor): TableOptions {
  const options: TableOptions = { partitionBy: [], properties: {} };
  for (;;) {
    if (cursor.accept("PARTITIONED", "BY") || cursor.accept("PARTITION", "BY")) options.partitionBy = partitionList(cursor);
    else if (cursor.accept("COMMENT")) options.comment = cursor.string("the table comment");
    else if (cursor.accept("TBLPROPERTIES") || cursor.accept("WITH")) Object.assign(options.properties, propertyList(cursor));
    else if (cursor.accept("USING")) usingIceberg(cursor);
    else if (cursor.is("LOCATION")) throw cursor.unsupported("a table LOCATION in SQL", "Tables go in the catalog's storage.");
    else if (cursor.is("CLUSTERED") || cursor.is("SORTED")) throw cursor.unsupported(`${cursor.peek().upper} BY`);
    else return options;
  }
}

function usingIceberg(cursor: Cursor): void {
  const token = cursor.peek();
  const format = cursor.name("a table format");
  if (format.toLowerCase() !== "iceberg") throw cursor.unsupported(`USING ${format}`, "Tarn's tables are Iceberg tables.", token);
}

function createView(cursor: Cursor, orReplace: boolean): CreateView {
  const notExists = ifNotExists(cursor);
  if (orReplace && notExists) throw cursor.error("OR REPLACE and IF NOT EXISTS cannot be combined");
  const name: QualifiedName = cursor.qualifiedName("a view name");
  const columns = cursor.isPunct("(") ? cursor.nameList("column name") : undefined;
  const comment = cursor.accept("COMMENT") ? cursor.string("the view comment") : undefined;
  if (cursor.is("TBLPROPERTIES") || cursor.is("WITH")) throw cursor.unsupported("view properties in CREATE VIEW");
  cursor.expect("AS", "AS before the view's query");
  const query = querySpan(cursor);
  cursor.end();
  return {
    kind: "createView",
    name,
    ifNotExists: notExists,
    orReplace,
    ...(columns ? { columns } : {}),
    ...(comment === undefined ? {} : { comment }),
    query,
  };
}
