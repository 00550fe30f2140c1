/**
 * A cell's text → its statements, each with where it sits in the text. A statement ends
 * at a `;` outside quotes, comments and dollar-quoted strings. Each statement's text runs
 * from its first to its last meaningful token (comments between them stay); statements
 * with nothing but spaces and comments are dropped.
 */
import type { StatementText } from "../types";
import { lineAndColumn, type Token, tokenize } from "./lexer";

/** A statement of a cell, with the line and column (1-based) where it starts in the cell. */
export interface CellStatement extends StatementText {
  line: number;
  column: number;
}

export function splitStatements(text: string): CellStatement[] {
  const statements: CellStatement[] = [];
  let current: Token[] = [];
  for (const token of tokenize(text)) {
    if (token.kind === "punct" && token.text === ";") {
      pushStatement(statements, text, current);
      current = [];
    } else current.push(token);
  }
  pushStatement(statements, text, current);
  return statements;
}

function pushStatement(out: CellStatement[], text: string, tokens: Token[]): void {
  const meaningful = tokens.filter((t) => t.kind !== "space" && t.kind !== "comment");
  if (meaningful.length === 0) return;
  const start = meaningful[0].start;
  const end = meaningful[meaningful.length - 1].end;
  out.push({ sql: text.slice(start, end), start, end, ...lineAndColumn(text, start) });
}
