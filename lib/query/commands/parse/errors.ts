/**
 * What the statement recogniser says when it cannot go on: a syntax error near a token,
 * or a construct Tarn does not support (named, so the person knows what to change). Both
 * are plan's `PlanError`s (so `explainError` puts the marker there) carrying the offset
 * they refer to: in the statement, or in the cell once `parseCommand` has shifted them.
 */
import { PlanError } from "../../plan/plan-error";

export class CommandSyntaxError extends PlanError {
  override name = "CommandSyntaxError";
  /** Offset of the offending text in the statement (the cell once shifted). */
  declare readonly position: number;

  constructor(message: string, position: number) {
    super(message, position);
  }

  shifted(by: number): CommandSyntaxError {
    return new CommandSyntaxError(this.message, this.position + by);
  }
}

/** `Syntax error at or near "FROM": expected a table name.` */
export function syntaxError(sql: string, offset: number, problem: string): CommandSyntaxError {
  const near = nearText(sql, offset);
  const where = near ? `at or near "${near}"` : "at the end of the statement";
  return new CommandSyntaxError(`Syntax error ${where}: ${problem}.`, offset);
}

/** `Not supported: DROP SCHEMA … CASCADE. Drop its tables and views first.` */
export function notSupported(construct: string, offset: number, hint?: string): CommandSyntaxError {
  return new CommandSyntaxError(`Not supported: ${construct}.${hint ? ` ${hint}` : ""}`, offset);
}

function nearText(sql: string, offset: number): string {
  const rest = sql.slice(offset).trimStart();
  if (!rest) return "";
  const word = /^("(?:[^"]|"")*"|'(?:[^']|'')*'|[A-Za-z0-9_$]+|\S)/.exec(rest);
  const text = word ? word[0] : rest[0];
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
