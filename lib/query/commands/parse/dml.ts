/** INSERT, DELETE, UPDATE, TRUNCATE. */
import type { Assignment, Delete, Insert, InsertSource, Span, Target, Truncate, Update } from "./ast";
import { querySpan } from "./clauses";
import { atPunct, atWord, type Cursor } from "./cursor";

export function insertStatement(cursor: Cursor): Insert {
  cursor.expect("INSERT");
  if (cursor.is("OVERWRITE")) throw cursor.unsupported("INSERT OVERWRITE", "Use DELETE then INSERT, or MERGE INTO.");
  if (cursor.is("OR")) throw cursor.unsupported(`INSERT OR ${cursor.peek(1).upper}`, "Use MERGE INTO to update rows that exist.");
  cursor.expect("INTO", "INTO");
  const name = cursor.qualifiedName("a table name");
  if (cursor.is("AS") || (cursor.isName() && !cursor.is("BY") && !cursor.is("DEFAULT"))) {
    throw cursor.unsupported("an alias on the INSERT target");
  }
  const columns = cursor.isPunct("(") && !isQuery(cursor, 1) ? cursor.nameList("column name") : undefined;
  const byName = cursor.accept("BY", "NAME");
  if (byName && columns) throw cursor.error("BY NAME takes no column list");
  if (cursor.accept("BY", "POSITION") && byName) throw cursor.error("BY NAME and BY POSITION cannot be combined");
  if (cursor.is("DEFAULT", "VALUES")) throw cursor.unsupported("INSERT … DEFAULT VALUES", "Columns have no defaults; list the values.");
  const source = insertSource(cursor);
  if (cursor.is("ON", "CONFLICT")) throw cursor.unsupported("ON CONFLICT", "Use MERGE INTO to update rows that exist.");
  if (cursor.is("RETURNING")) throw cursor.unsupported("RETURNING");
  cursor.end();
  return { kind: "insert", name, ...(columns ? { columns } : {}), byName, source };
}

function isQuery(cursor: Cursor, ahead: number): boolean {
  const token = cursor.peek(ahead);
  return token.kind === "word" && ["SELECT", "WITH", "FROM", "VALUES", "TABLE"].includes(token.upper);
}

function insertSource(cursor: Cursor): InsertSource {
  if (!cursor.accept("VALUES")) return { kind: "query", query: querySpan(cursor) };
  const rows = [valuesRow(cursor)];
  while (cursor.acceptPunct(",")) rows.push(valuesRow(cursor));
  return { kind: "values", rows };
}

/** `(expr, expr, …)` */
export function valuesRow(cursor: Cursor): Span[] {
  cursor.expectPunct("(", '"(" before a row of values');
  const values = [cursor.spanUntil("a value", atPunct(","))];
  while (cursor.acceptPunct(",")) values.push(cursor.spanUntil("a value", atPunct(",")));
  cursor.expectPunct(")", '"," or ")" after a value');
  return values;
}

export function deleteStatement(cursor: Cursor): Delete {
  cursor.expect("DELETE");
  cursor.expect("FROM", "FROM");
  const target = targetOf(cursor);
  if (cursor.is("USING")) throw cursor.unsupported("DELETE … USING", "Write the condition with a subquery: WHERE id IN (SELECT …).");
  const where = whereClause(cursor);
  cursor.end();
  return { kind: "delete", target, ...(where ? { where } : {}) };
}

export function updateStatement(cursor: Cursor): Update {
  cursor.expect("UPDATE");
  const target = targetOf(cursor);
  cursor.expect("SET", "SET");
  const set = assignments(cursor, target, atWord("WHERE", "FROM", "RETURNING"));
  if (cursor.is("FROM")) throw cursor.unsupported("UPDATE … FROM", "Use MERGE INTO … USING, or a subquery in the SET expression.");
  const where = whereClause(cursor);
  cursor.end();
  return { kind: "update", target, set, ...(where ? { where } : {}) };
}

export function truncateStatement(cursor: Cursor): Truncate {
  cursor.expect("TRUNCATE");
  cursor.accept("TABLE");
  const name = cursor.qualifiedName("a table name");
  if (cursor.isPunct(",")) throw cursor.unsupported("truncating several tables in one statement");
  cursor.end();
  return { kind: "truncate", name };
}

/** `name [[AS] alias]` */
export function targetOf(cursor: Cursor): Target {
  const name = cursor.qualifiedName("a table name");
  const alias = cursor.accept("AS") ? cursor.name("an alias") : cursor.isName() ? cursor.name("an alias") : undefined;
  return { name, ...(alias === undefined ? {} : { alias }) };
}

function whereClause(cursor: Cursor): Span | undefined {
  if (!cursor.accept("WHERE")) {
    if (cursor.is("RETURNING")) throw cursor.unsupported("RETURNING");
    return undefined;
  }
  if (cursor.is("CURRENT", "OF")) throw cursor.unsupported("WHERE CURRENT OF");
  const where = cursor.spanUntil("a condition", atWord("RETURNING"));
  if (cursor.is("RETURNING")) throw cursor.unsupported("RETURNING");
  return where;
}

/** `col = expr, …` up to a `stop` keyword; a column may be qualified by the target's alias or name. */
export function assignments(cursor: Cursor, target: Target, stop: ReturnType<typeof atWord>): Assignment[] {
  const list: Assignment[] = [];
  do {
    if (cursor.isPunct("(")) throw cursor.unsupported("SET (a, b) = (…)", "Assign each column on its own: SET a = …, b = ….");
    const column = assignedColumn(cursor, target);
    if (!cursor.acceptOp("=")) throw cursor.error('expected "=" after the column');
    const value = cursor.spanUntil("a value", (t) => stop(t) || atPunct(",")(t));
    list.push({ column, value });
  } while (cursor.acceptPunct(","));
  return list;
}

function assignedColumn(cursor: Cursor, target: Target): string {
  const name = cursor.qualifiedName("a column name");
  if (name.parts.length === 1) return name.parts[0];
  const qualifier = name.parts.slice(0, -1);
  const ownName = target.alias ? [target.alias] : target.name.parts;
  const matches = qualifier.length <= ownName.length && qualifier.every((p, i) => p === ownName[ownName.length - qualifier.length + i]);
  if (matches) return name.parts[name.parts.length - 1];
  throw cursor.unsupported("assigning a field of a struct", `Assign the whole column "${name.parts[0]}".`, cursor.tokens.find((t) => t.start === name.start));
}
