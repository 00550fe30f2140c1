/** DROP SCHEMA, DROP TABLE [PURGE], DROP VIEW. */
import type { DropSchema, DropTable, DropView } from "./ast";
import type { Cursor } from "./cursor";

export function dropStatement(cursor: Cursor): DropSchema | DropTable | DropView {
  cursor.expect("DROP");
  if (cursor.accept("SCHEMA") || cursor.accept("DATABASE") || cursor.accept("NAMESPACE")) return dropSchema(cursor);
  if (cursor.accept("TABLE")) return dropTable(cursor);
  if (cursor.accept("VIEW")) return dropView(cursor);
  const what = cursor.peek().text.toUpperCase() || "this";
  throw cursor.unsupported(`DROP ${what}`, "Tarn drops schemas, tables and views.");
}

function dropSchema(cursor: Cursor): DropSchema {
  const ifExists = cursor.accept("IF", "EXISTS");
  const name = cursor.qualifiedName("a schema name");
  if (cursor.is("CASCADE")) {
    throw cursor.unsupported("DROP SCHEMA … CASCADE", "Drop the schema's tables, views and schemas first; a dropped table can be restored from the trash, a cascade could not be undone as easily.");
  }
  cursor.accept("RESTRICT");
  cursor.end();
  return { kind: "dropSchema", name, ifExists };
}

function dropTable(cursor: Cursor): DropTable {
  const ifExists = cursor.accept("IF", "EXISTS");
  const name = cursor.qualifiedName("a table name");
  noList(cursor, "table");
  const purge = cursor.accept("PURGE");
  if (cursor.is("CASCADE")) throw cursor.unsupported("DROP TABLE … CASCADE", "Drop the views over it yourself.");
  cursor.accept("RESTRICT");
  cursor.end();
  return { kind: "dropTable", name, ifExists, purge };
}

function dropView(cursor: Cursor): DropView {
  const ifExists = cursor.accept("IF", "EXISTS");
  const name = cursor.qualifiedName("a view name");
  noList(cursor, "view");
  if (cursor.is("CASCADE")) throw cursor.unsupported("DROP VIEW … CASCADE");
  cursor.accept("RESTRICT");
  cursor.end();
  return { kind: "dropView", name, ifExists };
}

function noList(cursor: Cursor, what: string): void {
  if (cursor.isPunct(",")) throw cursor.unsupported(`dropping several ${what}s in one statement`, `Write one DROP ${what.toUpperCase()} per ${what}.`);
}
