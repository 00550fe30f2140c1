/**
 * What the recogniser makes of a DDL/DML statement. Names are kept as written (parts of
 * a dotted name, unquoted) and resolved later against the session; embedded SQL —
 * expressions and SELECTs — is kept as raw text with its offsets, for DuckDB's parser
 * and the secured-SELECT rewriter to check.
 */
import type { IcebergType } from "@/lib/iceberg/spec";

/** A piece of the statement's text: an expression, a SELECT, a predicate. */
export interface Span {
  sql: string;
  /** Offsets into the statement text. */
  start: number;
  end: number;
}

export interface QualifiedName {
  parts: string[];
  start: number;
}

export type Properties = Record<string, string>;

export interface ColumnDef {
  name: string;
  /** Field ids are placeholders (0); the table's are assigned when it is created. */
  type: IcebergType;
  notNull: boolean;
  comment?: string;
}

/** `month(order_date)`, `bucket(16, id)`, `region`: one `partitionBy` entry of lib/catalog. */
export interface PartitionItem {
  column: string;
  /** identity, year, month, day, hour, bucket[N], truncate[W], void */
  transform: string;
  /** `… AS name` (ALTER TABLE … ADD PARTITION FIELD only). */
  name?: string;
}

export interface CreateSchema {
  kind: "createSchema";
  name: QualifiedName;
  ifNotExists: boolean;
  properties: Properties;
}

export interface DropSchema {
  kind: "dropSchema";
  name: QualifiedName;
  ifExists: boolean;
}

interface TableOptions {
  partitionBy: PartitionItem[];
  comment?: string;
  properties: Properties;
}

export interface CreateTable extends TableOptions {
  kind: "createTable";
  name: QualifiedName;
  ifNotExists: boolean;
  columns: ColumnDef[];
}

export interface CreateTableAs extends TableOptions {
  kind: "createTableAs";
  name: QualifiedName;
  ifNotExists: boolean;
  orReplace: boolean;
  query: Span;
}

export interface CreateView {
  kind: "createView";
  name: QualifiedName;
  ifNotExists: boolean;
  orReplace: boolean;
  columns?: string[];
  comment?: string;
  query: Span;
}

export interface AlterTable {
  kind: "alterTable";
  name: QualifiedName;
  ifExists: boolean;
  action: AlterAction;
}

export type ColumnPosition = { kind: "first" } | { kind: "after"; column: string };

export type AlterAction =
  | { kind: "addColumns"; ifNotExists: boolean; columns: (ColumnDef & { position?: ColumnPosition })[] }
  | { kind: "dropColumn"; column: string; ifExists: boolean }
  | { kind: "renameColumn"; column: string; to: string }
  | { kind: "setColumnType"; column: string; type: IcebergType }
  | { kind: "setNotNull"; column: string }
  | { kind: "dropNotNull"; column: string }
  | { kind: "setColumnComment"; column: string; comment: string }
  | { kind: "renameTable"; to: QualifiedName }
  | { kind: "setProperties"; properties: Properties }
  | { kind: "unsetProperties"; keys: string[]; ifExists: boolean }
  | { kind: "addPartitionField"; field: PartitionItem }
  /** `bare`: written as a plain name, which may be a partition field's name or an identity column. */
  | { kind: "dropPartitionField"; field: PartitionItem; bare: boolean }
  | { kind: "createRef"; ref: "tag" | "branch"; refName: string; orReplace: boolean; ifNotExists: boolean; version?: bigint; retainMs?: number }
  | { kind: "dropRef"; ref: "tag" | "branch"; refName: string; ifExists: boolean };

export interface DropTable {
  kind: "dropTable";
  name: QualifiedName;
  ifExists: boolean;
  purge: boolean;
}

export interface DropView {
  kind: "dropView";
  name: QualifiedName;
  ifExists: boolean;
}

export type InsertSource = { kind: "values"; rows: Span[][] } | { kind: "query"; query: Span };

export interface Insert {
  kind: "insert";
  name: QualifiedName;
  columns?: string[];
  /** `INSERT INTO t BY NAME SELECT …`: columns matched by name, not position. */
  byName: boolean;
  source: InsertSource;
}

/** The target of DELETE, UPDATE and MERGE, and the alias its rows go by in expressions. */
export interface Target {
  name: QualifiedName;
  alias?: string;
}

export interface Delete {
  kind: "delete";
  target: Target;
  where?: Span;
}

export interface Assignment {
  column: string;
  value: Span;
}

export interface Update {
  kind: "update";
  target: Target;
  set: Assignment[];
  where?: Span;
}

export interface Truncate {
  kind: "truncate";
  name: QualifiedName;
}

export type MergeSource =
  | { kind: "query"; query: Span; alias: string }
  | { kind: "table"; name: QualifiedName; alias?: string };

/** `UPDATE SET …` (absent `set`: `UPDATE SET *`, every column from the source's of that name), `DELETE`, `DO NOTHING`. */
export type MatchedAction = { kind: "update"; set?: Assignment[] } | { kind: "delete" } | { kind: "nothing" };

export interface MatchedClause {
  condition?: Span;
  action: MatchedAction;
}

/** `INSERT (cols) VALUES (…)` (absent `values`: `INSERT *`, every column from the source's of that name), `DO NOTHING`. */
export type NotMatchedAction = { kind: "insert"; columns?: string[]; values?: Span[] } | { kind: "nothing" };

export interface NotMatchedClause {
  condition?: Span;
  action: NotMatchedAction;
}

export interface Merge {
  kind: "merge";
  target: Target;
  source: MergeSource;
  on: Span;
  whenMatched: MatchedClause[];
  whenNotMatched: NotMatchedClause[];
}

export type Command =
  | CreateSchema
  | DropSchema
  | CreateTable
  | CreateTableAs
  | CreateView
  | AlterTable
  | DropTable
  | DropView
  | Insert
  | Delete
  | Update
  | Truncate
  | Merge;
