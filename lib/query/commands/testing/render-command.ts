/**
 * A parsed command written back as one canonical line, for table-driven parser tests
 * (input SQL → this line). Embedded SQL spans show as ‹…›, exactly the text DuckDB's
 * parser will get; types show in Iceberg's spelling. Test support only.
 */
import type { IcebergType } from "@/lib/iceberg/spec";
import type { AlterAction, ColumnDef, Command, MatchedClause, NotMatchedClause, PartitionItem, Properties, QualifiedName, Span, Target } from "../parse";

export function renderCommand(c: Command): string {
  switch (c.kind) {
    case "createSchema":
      return join("CREATE SCHEMA", c.ifNotExists && "IF NOT EXISTS", name(c.name), props("WITH", c.properties));
    case "dropSchema":
      return join("DROP SCHEMA", c.ifExists && "IF EXISTS", name(c.name));
    case "createTable":
      return join("CREATE TABLE", c.ifNotExists && "IF NOT EXISTS", `${name(c.name)} (${c.columns.map(column).join(", ")})`, tableOptions(c));
    case "createTableAs":
      return join("CREATE", c.orReplace && "OR REPLACE", "TABLE", c.ifNotExists && "IF NOT EXISTS", name(c.name), tableOptions(c), "AS", span(c.query));
    case "createView":
      return join("CREATE", c.orReplace && "OR REPLACE", "VIEW", c.ifNotExists && "IF NOT EXISTS", name(c.name), c.columns && `(${c.columns.join(", ")})`, c.comment !== undefined && `COMMENT '${c.comment}'`, "AS", span(c.query));
    case "alterTable":
      return join("ALTER TABLE", c.ifExists && "IF EXISTS", name(c.name), alter(c.action));
    case "dropTable":
      return join("DROP TABLE", c.ifExists && "IF EXISTS", name(c.name), c.purge && "PURGE");
    case "dropView":
      return join("DROP VIEW", c.ifExists && "IF EXISTS", name(c.name));
    case "insert":
      return join("INSERT INTO", name(c.name), c.columns && `(${c.columns.join(", ")})`, c.byName && "BY NAME", c.source.kind === "values" ? `VALUES ${c.source.rows.map(row).join(", ")}` : span(c.source.query));
    case "delete":
      return join("DELETE FROM", target(c.target), c.where && `WHERE ${span(c.where)}`);
    case "update":
      return join("UPDATE", target(c.target), "SET", c.set.map((a) => `${a.column} = ${span(a.value)}`).join(", "), c.where && `WHERE ${span(c.where)}`);
    case "truncate":
      return join("TRUNCATE", name(c.name));
    case "merge": {
      const source = c.source.kind === "query" ? `(${span(c.source.query)}) ${c.source.alias}` : target(c.source);
      return join("MERGE INTO", target(c.target), "USING", source, "ON", span(c.on), ...c.whenMatched.map(matched), ...c.whenNotMatched.map(notMatched));
    }
  }
}

function join(...parts: (string | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === "string" && p !== "").join(" ");
}

function name(n: QualifiedName): string {
  return n.parts.join(".");
}

function target(t: Target): string {
  return join(name(t.name), t.alias);
}

function span(s: Span): string {
  return `‹${s.sql}›`;
}

function row(values: Span[]): string {
  return `(${values.map(span).join(", ")})`;
}

function props(keyword: string, p: Properties): string | undefined {
  const entries = Object.entries(p);
  return entries.length ? `${keyword} (${entries.map(([k, v]) => `${k}='${v}'`).join(", ")})` : undefined;
}

export function typeText(t: IcebergType): string {
  if (typeof t === "string") return t;
  if (t.type === "list") return `list<${typeText(t.element)}>`;
  if (t.type === "map") return `map<${typeText(t.key)}, ${typeText(t.value)}>`;
  return `struct<${t.fields.map((f) => join(`${f.name}: ${typeText(f.type)}`, f.required && "not null", f.doc !== undefined && `comment '${f.doc}'`)).join(", ")}>`;
}

function column(c: ColumnDef): string {
  return join(c.name, typeText(c.type), c.notNull && "NOT NULL", c.comment !== undefined && `COMMENT '${c.comment}'`);
}

function partition(p: PartitionItem): string {
  const field = p.transform === "identity" ? p.column : `${p.transform}(${p.column})`;
  return join(field, p.name && `AS ${p.name}`);
}

function tableOptions(c: { partitionBy: PartitionItem[]; comment?: string; properties: Properties }): string {
  return join(c.partitionBy.length > 0 && `PARTITIONED BY (${c.partitionBy.map(partition).join(", ")})`, c.comment !== undefined && `COMMENT '${c.comment}'`, props("TBLPROPERTIES", c.properties));
}

function alter(a: AlterAction): string {
  switch (a.kind) {
    case "addColumns":
      return join("ADD COLUMNS", a.ifNotExists && "IF NOT EXISTS", `(${a.columns.map((c) => join(column(c), c.position && (c.position.kind === "first" ? "FIRST" : `AFTER ${c.position.column}`))).join(", ")})`);
    case "dropColumn":
      return join("DROP COLUMN", a.ifExists && "IF EXISTS", a.column);
    case "renameColumn":
      return `RENAME COLUMN ${a.column} TO ${a.to}`;
    case "setColumnType":
      return `ALTER COLUMN ${a.column} TYPE ${typeText(a.type)}`;
    case "setNotNull":
      return `ALTER COLUMN ${a.column} SET NOT NULL`;
    case "dropNotNull":
      return `ALTER COLUMN ${a.column} DROP NOT NULL`;
    case "setColumnComment":
      return `ALTER COLUMN ${a.column} COMMENT '${a.comment}'`;
    case "renameTable":
      return `RENAME TO ${name(a.to)}`;
    case "setProperties":
      return props("SET TBLPROPERTIES", a.properties) ?? "";
    case "unsetProperties":
      return join("UNSET TBLPROPERTIES", a.ifExists && "IF EXISTS", `(${a.keys.join(", ")})`);
    case "addPartitionField":
      return `ADD PARTITION FIELD ${partition(a.field)}`;
    case "dropPartitionField":
      return join("DROP PARTITION FIELD", partition(a.field), a.bare && "(bare)");
    case "createRef":
      return join("CREATE", a.orReplace && "OR REPLACE", a.ref.toUpperCase(), a.ifNotExists && "IF NOT EXISTS", a.refName, a.version !== undefined && `AS OF VERSION ${a.version}`, a.retainMs !== undefined && `RETAIN ${a.retainMs} MS`);
    case "dropRef":
      return join("DROP", a.ref.toUpperCase(), a.ifExists && "IF EXISTS", a.refName);
  }
}

function matched(c: MatchedClause): string {
  const action = c.action.kind === "update" ? (c.action.set ? `UPDATE SET ${c.action.set.map((a) => `${a.column} = ${span(a.value)}`).join(", ")}` : "UPDATE SET *") : c.action.kind === "delete" ? "DELETE" : "DO NOTHING";
  return join("WHEN MATCHED", c.condition && `AND ${span(c.condition)}`, "THEN", action);
}

function notMatched(c: NotMatchedClause): string {
  const a = c.action;
  const action = a.kind === "nothing" ? "DO NOTHING" : a.values ? join("INSERT", a.columns && `(${a.columns.join(", ")})`, `VALUES ${row(a.values)}`) : "INSERT *";
  return join("WHEN NOT MATCHED", c.condition && `AND ${span(c.condition)}`, "THEN", action);
}
