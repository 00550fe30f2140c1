/**
 * The key a MERGE joins on, when its ON has a conjunct `t.col = s.col2` (a target column of
 * a type pruning.ts trusts): then only target rows that can match are read and rewritten —
 * integer keys between the source's least and greatest, other keys among the source's —
 * and the writer removes exactly those: the integer range the read rows span (every
 * target row in it was read), or the keys they have.
 */
import { quoteIdent } from "@/lib/iceberg/duckdb";
import { alwaysFalse, and, gtEq, isIn, ltEq, type UnboundExpr, type UnboundPredicate } from "@/lib/iceberg/expr";
import type { EngineConnection } from "../../types";
import type { Span } from "../parse";
import type { Token } from "../parse/lexer";
import { conjuncts, KINDS } from "./pruning";
import type { RewriteTarget } from "./rewrite";

export interface MergeKey {
  /** The target column, as the schema names it. */
  column: string;
  kind: "integer" | "string" | "boolean";
  /** The source column it is compared with. */
  sourceColumn: string;
}

export function mergeKey(on: Span, target: RewriteTarget, targetAlias: string, sourceAlias: string): MergeKey | undefined {
  for (const { tokens } of conjuncts(on)) {
    if (tokens.length !== 7 || tokens[3].kind !== "op" || (tokens[3].text !== "=" && tokens[3].text !== "==")) continue;
    const left = qualified(tokens.slice(0, 3));
    const right = qualified(tokens.slice(4));
    if (!left || !right) continue;
    const [t, s] = same(left.alias, targetAlias) && same(right.alias, sourceAlias) ? [left, right] : same(right.alias, targetAlias) && same(left.alias, sourceAlias) ? [right, left] : [];
    if (!t || !s) continue;
    const field = target.schema.fields.find((f) => f.name === t.column) ?? target.schema.fields.find((f) => same(f.name, t.column));
    const kind = field && typeof field.type === "string" ? KINDS[field.type] : undefined;
    if (field && kind) return { column: field.name, kind, sourceColumn: s.column };
  }
  return undefined;
}

function qualified(tokens: Token[]): { alias: string; column: string } | undefined {
  const [alias, dot, column] = tokens;
  const name = (t: Token) => t.kind === "word" || t.kind === "ident";
  return name(alias) && dot.text === "." && name(column) ? { alias: alias.value, column: column.value } : undefined;
}

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The restriction of the target rows read, by the materialised source `source`. */
export function keyRestriction(key: MergeKey, source: string): string {
  const column = quoteIdent(key.column);
  const sourceColumn = quoteIdent(key.sourceColumn);
  if (key.kind === "integer") return `${column} >= (SELECT min(${sourceColumn}) FROM ${source}) AND ${column} <= (SELECT max(${sourceColumn}) FROM ${source})`;
  return `${column} IN (SELECT ${sourceColumn} FROM ${source})`;
}

/**
 * The writer's filter, from the key values (`keyColumn`) of the target rows that were read
 * (`rowsRead` selects them in the materialised `table`).
 */
export async function keyFilter(connection: EngineConnection, key: MergeKey, table: string, keyColumn: string, rowsRead: string): Promise<UnboundExpr> {
  if (key.kind === "integer") {
    const [range] = await connection.rows(`SELECT min(${keyColumn}) AS lo, max(${keyColumn}) AS hi FROM ${table} WHERE ${rowsRead}`);
    if (range.lo === null || range.lo === undefined) return alwaysFalse<UnboundPredicate>();
    const bound = (v: unknown) => BigInt(v as string | number);
    return and(gtEq(key.column, bound(range.lo)), ltEq(key.column, bound(range.hi)));
  }
  const keys = (await connection.rows(`SELECT DISTINCT ${keyColumn} AS k FROM ${table} WHERE ${rowsRead}`)).map((r) => r.k);
  return keys.length === 0 ? alwaysFalse<UnboundPredicate>() : isIn(key.column, keys);
}
