/**
 * ALTER TABLE: columns (add, drop, rename, type, nullability, comment), the table's name,
 * properties, partition fields, tags and branches. One action per statement.
 */
import type { AlterAction, AlterTable, ColumnDef, ColumnPosition } from "./ast";
import { columnPath, partitionItem, propertyKeys, propertyList } from "./clauses";
import { columnType } from "./column-types";
import { columnBody } from "./create";
import type { Cursor } from "./cursor";

export function alterStatement(cursor: Cursor): AlterTable {
  cursor.expect("ALTER");
  if (!cursor.accept("TABLE")) {
    const what = cursor.peek().text.toUpperCase() || "this";
    throw cursor.unsupported(`ALTER ${what}`, "Tarn alters tables; replace a view with CREATE OR REPLACE VIEW.");
  }
  const ifExists = cursor.accept("IF", "EXISTS");
  const name = cursor.qualifiedName("a table name");
  const action = alterAction(cursor);
  if (cursor.isPunct(",")) throw cursor.unsupported("several ALTER TABLE actions in one statement", "Write one ALTER TABLE per change.");
  cursor.end();
  return { kind: "alterTable", name, ifExists, action };
}

function alterAction(cursor: Cursor): AlterAction {
  if (cursor.accept("ADD")) return addAction(cursor);
  if (cursor.accept("DROP")) return dropAction(cursor);
  if (cursor.accept("RENAME")) return renameAction(cursor);
  if (cursor.accept("ALTER") || cursor.accept("CHANGE")) return alterColumn(cursor);
  if (cursor.accept("SET")) return setAction(cursor);
  if (cursor.accept("UNSET")) return unsetAction(cursor);
  if (cursor.accept("CREATE")) return createRef(cursor);
  if (cursor.is("REPLACE") || cursor.is("WRITE")) throw cursor.unsupported(`ALTER TABLE … ${cursor.peek().upper}`);
  throw cursor.error("expected ADD, DROP, RENAME, ALTER COLUMN, SET, UNSET or CREATE TAG/BRANCH");
}

function addAction(cursor: Cursor): AlterAction {
  if (cursor.accept("PARTITION", "FIELD")) {
    const field = partitionItem(cursor);
    if (cursor.accept("AS")) field.name = cursor.name("the partition field's name");
    return { kind: "addPartitionField", field };
  }
  if (cursor.is("CONSTRAINT") || cursor.is("PRIMARY")) throw cursor.unsupported("table constraints", "Iceberg tables have no keys or checks.");
  if (cursor.accept("COLUMNS")) {
    cursor.expectPunct("(");
    const columns = [addedColumn(cursor)];
    while (cursor.acceptPunct(",")) columns.push(addedColumn(cursor));
    cursor.expectPunct(")", '"," or ")" after a column');
    return { kind: "addColumns", ifNotExists: false, columns };
  }
  cursor.accept("COLUMN");
  const ifNotExists = cursor.accept("IF", "NOT", "EXISTS");
  return { kind: "addColumns", ifNotExists, columns: [addedColumn(cursor)] };
}

/** A column definition whose name may be dotted (a field added to a struct), then FIRST / AFTER x. */
function addedColumn(cursor: Cursor): ColumnDef & { position?: ColumnPosition } {
  const path = columnPath(cursor);
  const rest = columnBody(cursor);
  const position = cursor.accept("FIRST") ? { kind: "first" as const } : cursor.accept("AFTER") ? { kind: "after" as const, column: columnPath(cursor) } : undefined;
  return { name: path, ...rest, ...(position ? { position } : {}) };
}

function dropAction(cursor: Cursor): AlterAction {
  if (cursor.accept("PARTITION", "FIELD")) {
    const bare = !cursor.isPunct("(", 1);
    return { kind: "dropPartitionField", field: partitionItem(cursor), bare };
  }
  for (const ref of ["TAG", "BRANCH"] as const) {
    if (cursor.accept(ref)) {
      const ifExists = cursor.accept("IF", "EXISTS");
      return { kind: "dropRef", ref: ref === "TAG" ? "tag" : "branch", refName: cursor.name(`the ${ref.toLowerCase()} name`), ifExists };
    }
  }
  if (cursor.is("CONSTRAINT")) throw cursor.unsupported("table constraints");
  if (cursor.is("COLUMNS")) throw cursor.unsupported("DROP COLUMNS (…)", "Drop one column per statement.");
  cursor.accept("COLUMN");
  const ifExists = cursor.accept("IF", "EXISTS");
  const column = columnPath(cursor);
  if (cursor.is("CASCADE")) throw cursor.unsupported("DROP COLUMN … CASCADE");
  cursor.accept("RESTRICT");
  return { kind: "dropColumn", column, ifExists };
}

function renameAction(cursor: Cursor): AlterAction {
  if (cursor.accept("TO")) return { kind: "renameTable", to: cursor.qualifiedName("the new table name") };
  cursor.accept("COLUMN");
  const column = columnPath(cursor);
  cursor.expect("TO", "TO and the new column name");
  return { kind: "renameColumn", column, to: cursor.name("the new column name") };
}

/** `ALTER [COLUMN] c TYPE t | SET DATA TYPE t | SET NOT NULL | DROP NOT NULL | COMMENT '…'` */
function alterColumn(cursor: Cursor): AlterAction {
  cursor.accept("COLUMN");
  const column = columnPath(cursor);
  if (cursor.accept("TYPE") || cursor.accept("SET", "DATA", "TYPE")) {
    const type = columnType(cursor);
    if (cursor.is("USING")) throw cursor.unsupported("ALTER COLUMN … TYPE … USING", "Iceberg changes types only by its promotions, without rewriting data.");
    return { kind: "setColumnType", column, type };
  }
  if (cursor.accept("SET", "NOT", "NULL")) return { kind: "setNotNull", column };
  if (cursor.accept("DROP", "NOT", "NULL")) return { kind: "dropNotNull", column };
  if (cursor.accept("COMMENT")) return { kind: "setColumnComment", column, comment: cursor.string("the column comment") };
  if (cursor.is("SET", "DEFAULT") || cursor.is("DROP", "DEFAULT")) throw cursor.unsupported("column DEFAULT values");
  if (cursor.is("FIRST") || cursor.is("AFTER")) throw cursor.unsupported("moving a column", "Column order follows the order they were added.");
  throw cursor.error("expected TYPE, SET NOT NULL, DROP NOT NULL or COMMENT");
}

function setAction(cursor: Cursor): AlterAction {
  if (cursor.accept("TBLPROPERTIES") || cursor.accept("PROPERTIES") || cursor.isPunct("(")) {
    return { kind: "setProperties", properties: propertyList(cursor) };
  }
  if (cursor.is("LOCATION")) throw cursor.unsupported("ALTER TABLE … SET LOCATION");
  if (cursor.is("IDENTIFIER")) throw cursor.unsupported("identifier fields");
  throw cursor.error("expected TBLPROPERTIES (…)");
}

function unsetAction(cursor: Cursor): AlterAction {
  if (!cursor.accept("TBLPROPERTIES")) cursor.expect("PROPERTIES", "TBLPROPERTIES");
  const ifExists = cursor.accept("IF", "EXISTS");
  return { kind: "unsetProperties", keys: propertyKeys(cursor), ifExists };
}

const TIME_UNITS: Record<string, number> = { DAYS: 86_400_000, DAY: 86_400_000, HOURS: 3_600_000, HOUR: 3_600_000, MINUTES: 60_000, MINUTE: 60_000 };

/** `CREATE [OR REPLACE] TAG|BRANCH [IF NOT EXISTS] name [AS OF VERSION n] [RETAIN n DAYS]` */
function createRef(cursor: Cursor): AlterAction {
  const orReplace = cursor.accept("OR", "REPLACE");
  const ref = cursor.accept("TAG") ? "tag" : cursor.accept("BRANCH") ? "branch" : undefined;
  if (!ref) throw cursor.error("expected TAG or BRANCH");
  const ifNotExists = cursor.accept("IF", "NOT", "EXISTS");
  if (orReplace && ifNotExists) throw cursor.error("OR REPLACE and IF NOT EXISTS cannot be combined");
  const refName = cursor.name(`the ${ref} name`);
  const version = cursor.accept("AS", "OF", "VERSION") ? cursor.bigint("a snapshot id") : undefined;
  let retainMs: number | undefined;
  if (cursor.accept("RETAIN")) {
    const amount = cursor.integer("how long to retain the ref");
    const unit = cursor.peek().upper;
    if (!(unit in TIME_UNITS)) throw cursor.error("expected DAYS, HOURS or MINUTES");
    cursor.next();
    retainMs = amount * TIME_UNITS[unit];
  }
  if (cursor.is("WITH")) throw cursor.unsupported("snapshot retention settings on a branch");
  return {
    kind: "createRef",
    ref,
    refName,
    orReplace,
    ifNotExists,
    ...(version === undefined ? {} : { version }),
    ...(retainMs === undefined ? {} : { retainMs }),
  };
}
