/**
 * What kind of statement a text is, from its leading keywords — before DuckDB's parser,
 * which serializes only SELECTs: queries (SELECT, WITH, VALUES, TABLE, FROM, DESCRIBE,
 * SHOW, SUMMARIZE), PIVOT and UNPIVOT, EXPLAIN, USE, and the statements the sandbox refuses, each
 * with what to do instead.
 */
import { significant, tokenize } from "./lexer";
import { PlanError, refused } from "./plan-error";

export type StatementKind =
  | { kind: "query" }
  /** DuckDB's PIVOT / UNPIVOT statement: planned as `SELECT * FROM (<it>)`, which DuckDB's parser hands over as a tree. */
  | { kind: "pivot" }
  | { kind: "explain"; innerStart: number; analyze: boolean; pivot: boolean }
  | { kind: "use"; start: number };

const QUERY_WORDS = new Set(["select", "with", "values", "table", "from", "describe", "desc", "show", "summarize", "("]);

const REFUSED: Record<string, [string, string]> = {
  attach: ["ATTACH", "Tarn reads only its catalog's tables"],
  detach: ["DETACH", "Tarn reads only its catalog's tables"],
  copy: ["COPY", "it reads or writes files; export a result from the grid instead"],
  export: ["EXPORT DATABASE", "it writes files; export a result from the grid instead"],
  import: ["IMPORT DATABASE", "it reads files; load data through Ingestion instead"],
  install: ["INSTALL", "extensions are not loaded in the sandbox"],
  load: ["LOAD", "extensions are not loaded in the sandbox"],
  force: ["FORCE INSTALL/CHECKPOINT", "it changes the engine"],
  update: ["UPDATE", "it runs as a catalog command, not as a query"],
  set: ["SET", "the engine's settings are fixed; USE changes the current catalog and namespace"],
  reset: ["RESET", "the engine's settings are fixed"],
  pragma: ["PRAGMA", "it reads or changes the engine's settings"],
  call: ["CALL", "it runs table functions that read DuckDB's own state"],
  checkpoint: ["CHECKPOINT", "it changes the engine"],
  vacuum: ["VACUUM", "it changes the engine; table maintenance is in the catalog"],
  analyze: ["ANALYZE", "it changes the engine"],
  begin: ["Transactions (BEGIN)", "each statement is its own transaction"],
  start: ["Transactions (START TRANSACTION)", "each statement is its own transaction"],
  commit: ["Transactions (COMMIT)", "each statement is its own transaction"],
  end: ["Transactions (END)", "each statement is its own transaction"],
  rollback: ["Transactions (ROLLBACK)", "each statement is its own transaction"],
  abort: ["Transactions (ABORT)", "each statement is its own transaction"],
  prepare: ["PREPARE", "write parameters as :name; the notebook binds them"],
  execute: ["EXECUTE", "write parameters as :name; the notebook binds them"],
  deallocate: ["DEALLOCATE", "write parameters as :name; the notebook binds them"],
  create: ["CREATE", "it runs as a catalog command, not as a query"],
  drop: ["DROP", "it runs as a catalog command, not as a query"],
  alter: ["ALTER", "it runs as a catalog command, not as a query"],
  insert: ["INSERT", "it runs as a catalog command, not as a query"],
  delete: ["DELETE", "it runs as a catalog command, not as a query"],
  truncate: ["TRUNCATE", "it runs as a catalog command, not as a query"],
  merge: ["MERGE", "it runs as a catalog command, not as a query"],
  comment: ["COMMENT ON", "comments are edited in the catalog"],
};

export function statementKind(sql: string): StatementKind {
  const tokens = significant(tokenize(sql));
  const first = tokens[0];
  if (!first) throw new PlanError("The statement is empty.");
  const word = first.text.toLowerCase();
  if (QUERY_WORDS.has(word)) return { kind: "query" };
  if (word === "pivot" || word === "unpivot") return { kind: "pivot" };
  if (word === "use") return { kind: "use", start: first.end };
  if (word === "explain") {
    const analyze = tokens[1]?.text.toLowerCase() === "analyze";
    const inner = tokens[analyze ? 2 : 1];
    if (!inner) throw new PlanError("EXPLAIN needs a query after it.", first.start);
    const innerKind = statementKind(sql.slice(inner.start));
    if (innerKind.kind !== "query" && innerKind.kind !== "pivot") throw refused("EXPLAIN of anything but a query", "explain the SELECT instead", inner.start);
    return { kind: "explain", innerStart: inner.start, analyze, pivot: innerKind.kind === "pivot" };
  }
  const refusal = REFUSED[word];
  if (refusal) throw refused(refusal[0], refusal[1], first.start);
  throw new PlanError(`${first.text.toUpperCase()} statements are not supported; a query starts with SELECT, WITH, FROM or VALUES.`, first.start);
}
