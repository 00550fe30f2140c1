/**
 * Parameters: a person writes `:name`; DuckDB's parser knows `$name`. Each placeholder's
 * `:` becomes `$` — same length, so every offset DuckDB reports still points into the
 * person's text — and after checking, the plan numbers them `$1, $2…` with their values
 * in `params` (values are bound, never spliced into SQL text).
 *
 * A `:` is a placeholder only where a value can start: at the beginning, after an
 * operator, `(`, `,`, a struct's `:` or a keyword such as SELECT/WHERE/AND/THEN. After a
 * name, a number or a closing bracket it is a list slice (`xs[a:b]`); `::` and `:=` are
 * casts and named arguments. DuckDB's own `$1`, `$name` and `?` are refused, so that
 * every placeholder that reaches the plan has a name the notebook can ask a value for.
 */
import { AppError } from "@/lib/errors";
import type { ParamValue } from "../types";
import { type Token, tokenize } from "./lexer";
import { PlanError } from "./plan-error";

export interface Placeholders {
  /** The text with each `:name` written `$name`. */
  sql: string;
  /** Names in order of first use. */
  names: string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Words after which a value starts, so a `:` there opens a placeholder. */
const VALUE_KEYWORDS = new Set([
  "select", "where", "and", "or", "not", "when", "then", "else", "limit", "offset", "on",
  "having", "qualify", "returning", "is", "like", "ilike", "glob", "between", "case", "in",
  "by", "values", "distinct", "all", "any", "some", "set", "similar", "to", "from", "escape",
]);

/** Punctuation after which a value starts. `[` is left out: `xs[:n]` is a slice. */
const VALUE_PUNCT = new Set(["(", ",", "=", "<", ">", "+", "-", "*", "/", "%", "|", "&", "!", "~", "^", "{", ":", "@"]);

export function markPlaceholders(text: string): Placeholders {
  const tokens = tokenize(text);
  const names: string[] = [];
  let sql = "";
  let previous: Token | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === "param") throw nativeParam(token);
    if (isPlaceholderColon(tokens, i, previous)) {
      const name = tokens[i + 1].text;
      if (!names.includes(name)) names.push(name);
      sql += "$";
    } else sql += token.text;
    if (token.kind !== "space" && token.kind !== "comment") previous = token;
  }
  return { sql, names };
}

function isPlaceholderColon(tokens: Token[], i: number, previous: Token | undefined): boolean {
  const token = tokens[i];
  if (token.kind !== "punct" || token.text !== ":") return false;
  const next = tokens[i + 1];
  if (next?.kind !== "word" || next.start !== token.end || !NAME.test(next.text)) return false;
  const before = tokens[i - 1];
  if (before && before.kind === "punct" && before.text === ":" && before.end === token.start) return false;
  if (!previous) return true;
  if (previous.kind === "punct") return VALUE_PUNCT.has(previous.text);
  return previous.kind === "word" && VALUE_KEYWORDS.has(previous.text.toLowerCase());
}

function nativeParam(token: Token): PlanError {
  return new PlanError(
    `Write parameters as :name (not ${token.text}); the notebook asks for their values.`,
    token.start,
  );
}

/** The values for names in order; a placeholder without a value is the person's to fix. */
export function bindValues(names: string[], values: Record<string, ParamValue> | undefined): ParamValue[] {
  const missing = names.filter((n) => !values || !Object.hasOwn(values, n) || values[n] === undefined);
  if (missing.length) {
    const list = missing.map((n) => `:${n}`).join(", ");
    throw new AppError("bad_request", `No value for the parameter${missing.length > 1 ? "s" : ""} ${list}; give ${missing.length > 1 ? "them values" : "it a value"} above the notebook.`);
  }
  return names.map((n) => (values as Record<string, ParamValue>)[n]);
}
