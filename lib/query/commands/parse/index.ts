/**
 * The recogniser of DDL and DML statements (DuckDB's `json_serialize_sql` only
 * serialises SELECT): a strict recursive-descent parser for exactly the shapes Tarn runs,
 * anything else refused with "Not supported: <construct>". Embedded expressions and
 * SELECTs come back as text spans for DuckDB's parser.
 *
 *   parseCommand("DELETE FROM sales.orders WHERE id = :id")
 *   // { kind: "delete", target: { name: { parts: ["sales", "orders"], … } }, where: { sql: "id = :id", … } }
 */
import type { Command } from "./ast";
import { alterStatement } from "./alter";
import { createStatement } from "./create";
import { Cursor } from "./cursor";
import { dropStatement } from "./drop";
import { deleteStatement, insertStatement, truncateStatement, updateStatement } from "./dml";
import { CommandSyntaxError } from "./errors";
import { mergeStatement } from "./merge";

export type * from "./ast";
export { CommandSyntaxError } from "./errors";

const STATEMENTS: Record<string, (cursor: Cursor) => Command> = {
  CREATE: createStatement,
  DROP: dropStatement,
  ALTER: alterStatement,
  INSERT: insertStatement,
  DELETE: deleteStatement,
  UPDATE: updateStatement,
  TRUNCATE: truncateStatement,
  MERGE: mergeStatement,
};

/** The statements this recogniser takes, by their first keyword. */
export const COMMAND_KEYWORDS = Object.keys(STATEMENTS);

/**
 * Parses one statement. `offset` (where the statement starts in the cell) is added to
 * error positions.
 */
export function parseCommand(sql: string, offset = 0): Command {
  try {
    const cursor = new Cursor(sql);
    const first = cursor.peek();
    const statement = first.kind === "word" ? STATEMENTS[first.upper] : undefined;
    if (!statement) {
      const what = first.kind === "end" ? "an empty statement" : `${first.text.toUpperCase()} statements`;
      throw cursor.unsupported(what, "Tarn runs queries and CREATE, ALTER, DROP, INSERT, UPDATE, DELETE, MERGE and TRUNCATE.");
    }
    return statement(cursor);
  } catch (error) {
    if (error instanceof CommandSyntaxError && offset !== 0) throw error.shifted(offset);
    throw error;
  }
}
