/**
 * MERGE INTO t [AS a] USING (SELECT …) s | source_table [AS s] ON cond
 *   WHEN MATCHED [AND cond] THEN UPDATE SET … | UPDATE SET * | DELETE | DO NOTHING
 *   WHEN NOT MATCHED [BY TARGET] [AND cond] THEN INSERT [(cols)] VALUES (…) | INSERT * | DO NOTHING
 */
import type { MatchedAction, MatchedClause, Merge, MergeSource, NotMatchedAction, NotMatchedClause, Target } from "./ast";
import { atWord, type Cursor } from "./cursor";
import { assignments, targetOf, valuesRow } from "./dml";

export function mergeStatement(cursor: Cursor): Merge {
  cursor.expect("MERGE");
  cursor.expect("INTO", "INTO");
  const target = targetOf(cursor);
  cursor.expect("USING", "USING and the source rows");
  const source = mergeSource(cursor);
  cursor.expect("ON", "ON and the join condition");
  const on = cursor.spanUntil("a join condition", atWord("WHEN"));
  const whenMatched: MatchedClause[] = [];
  const whenNotMatched: NotMatchedClause[] = [];
  if (!cursor.is("WHEN")) throw cursor.error("expected WHEN MATCHED or WHEN NOT MATCHED");
  while (cursor.accept("WHEN")) {
    if (cursor.accept("MATCHED")) whenMatched.push(matchedClause(cursor, target));
    else if (cursor.accept("NOT", "MATCHED")) whenNotMatched.push(notMatchedClause(cursor));
    else throw cursor.error("expected MATCHED or NOT MATCHED");
  }
  if (cursor.is("RETURNING")) throw cursor.unsupported("RETURNING");
  cursor.end();
  return { kind: "merge", target, source, on, whenMatched, whenNotMatched };
}

function mergeSource(cursor: Cursor): MergeSource {
  if (!cursor.acceptPunct("(")) {
    const name = cursor.qualifiedName("the source table or (SELECT …)");
    const alias = cursor.accept("AS") ? cursor.name("an alias") : cursor.isName() ? cursor.name("an alias") : undefined;
    return { kind: "table", name, ...(alias === undefined ? {} : { alias }) };
  }
  const query = cursor.spanUntil("a query");
  cursor.expectPunct(")", '")" after the source query');
  cursor.accept("AS");
  if (!cursor.isName()) throw cursor.error("expected an alias for the source query");
  return { kind: "query", query, alias: cursor.name("an alias") };
}

function condition(cursor: Cursor) {
  return cursor.accept("AND") ? cursor.spanUntil("a condition", atWord("THEN")) : undefined;
}

function matchedClause(cursor: Cursor, target: Target): MatchedClause {
  if (cursor.is("BY", "SOURCE")) throw cursor.unsupported("WHEN NOT MATCHED BY SOURCE");
  const when = condition(cursor);
  cursor.expect("THEN", "THEN");
  return { ...(when ? { condition: when } : {}), action: matchedAction(cursor, target) };
}

function matchedAction(cursor: Cursor, target: Target): MatchedAction {
  if (cursor.accept("DELETE")) return { kind: "delete" };
  if (cursor.accept("DO", "NOTHING")) return { kind: "nothing" };
  if (!cursor.accept("UPDATE")) throw cursor.error("expected UPDATE, DELETE or DO NOTHING");
  if (!cursor.accept("SET")) return { kind: "update" }; // DuckDB's bare UPDATE: by name
  if (cursor.acceptOp("*")) return { kind: "update" };
  return { kind: "update", set: assignments(cursor, target, atWord("WHEN")) };
}

function notMatchedClause(cursor: Cursor): NotMatchedClause {
  if (cursor.is("BY", "SOURCE")) throw cursor.unsupported("WHEN NOT MATCHED BY SOURCE", "Delete target rows missing from the source with a separate DELETE.");
  cursor.accept("BY", "TARGET");
  const when = condition(cursor);
  cursor.expect("THEN", "THEN");
  return { ...(when ? { condition: when } : {}), action: notMatchedAction(cursor) };
}

function notMatchedAction(cursor: Cursor): NotMatchedAction {
  if (cursor.accept("DO", "NOTHING")) return { kind: "nothing" };
  if (!cursor.accept("INSERT")) throw cursor.error("expected INSERT or DO NOTHING");
  if (cursor.acceptOp("*") || cursor.accept("BY", "NAME") || cursor.is("WHEN") || cursor.atEnd()) return { kind: "insert" };
  if (cursor.is("DEFAULT", "VALUES")) throw cursor.unsupported("INSERT DEFAULT VALUES", "Columns have no defaults; list the values.");
  const columns = cursor.isPunct("(") ? cursor.nameList("column name") : undefined;
  cursor.expect("VALUES", "VALUES (…)");
  const values = valuesRow(cursor);
  return { kind: "insert", ...(columns ? { columns } : {}), values };
}
