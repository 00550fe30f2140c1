/**
 * A minimal planner for developing and testing exec before `lib/query/plan` exists:
 * statements split on `;`, `USE catalog.namespace`, and SELECTs whose `FROM`/`JOIN`
 * names (`catalog.namespace.table`, `namespace.table`, `table`) become `scanTable`
 * relations. Everything else passes through unchanged — it checks nothing, which is why
 * it lives under testing/ and is replaced by the real planner.
 */
import { scanTable } from "@/lib/catalog";
import { AppError, isAppError } from "@/lib/errors";
import type { PreparedCommand, PreparedQuery, QueryContext, SessionState, StatementPlan, StatementText } from "../../types";
import type { Planner } from "../planner";
import type { QueryError } from "../run-types";

export const standInPlanner: Planner = {
  split: splitOnSemicolons,
  plan: async (ctx, statement) => {
    const use = /^\s*use\s+([A-Za-z_]\w*)(?:\.([A-Za-z_][\w.]*))?\s*$/i.exec(statement.sql);
    if (use) return switchSession(ctx.session, use[1], use[2]);
    return planSelect(ctx, statement);
  },
  explain: (error: unknown): QueryError => {
    if (isAppError(error)) return { message: error.message };
    const text = error instanceof Error ? error.message : String(error);
    return { message: text.split("\n")[0] };
  },
};

export function splitOnSemicolons(text: string): StatementText[] {
  const statements: StatementText[] = [];
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === ";" || i === text.length) {
      const raw = text.slice(start, i);
      const lead = raw.length - raw.trimStart().length;
      const sql = raw.trim();
      if (sql) statements.push({ sql, start: start + lead, end: start + lead + sql.length });
      start = i + 1;
    }
  }
  return statements;
}

function switchSession(session: SessionState, first: string, rest?: string): PreparedCommand {
  const next: SessionState = rest ? { catalog: first, namespace: rest.split(".") } : { ...session, namespace: [first] };
  return {
    kind: "command",
    describe: "USE",
    tablesRead: [],
    tablesWritten: [],
    execute: async () => ({ message: `Using ${[next.catalog, ...(next.namespace ?? [])].join(".")}.`, session: next }),
  };
}

const TABLE_NAME = /\b(from|join)\s+([A-Za-z_]\w*(?:\.[A-Za-z_]\w*){0,2})\b(?!\s*\()/gi;

async function planSelect(ctx: QueryContext, statement: StatementText): Promise<StatementPlan> {
  const tablesRead: string[] = [];
  const replacements: { from: number; to: number; sql: string }[] = [];
  for (const match of statement.sql.matchAll(TABLE_NAME)) {
    const ident = resolve(ctx.session, match[2].split("."));
    const scan = await scanTable(ctx, ident);
    tablesRead.push([ident.catalog, ...ident.namespace, ident.name].join("."));
    const at = (match.index ?? 0) + match[0].length - match[2].length;
    const end = at + match[2].length;
    const alias = hasAlias(statement.sql.slice(end)) ? "" : ` AS ${match[2].split(".").at(-1)}`;
    replacements.push({ from: at, to: end, sql: `${scan.sql}${alias}` });
  }
  let sql = statement.sql;
  for (const r of replacements.reverse()) sql = sql.slice(0, r.from) + r.sql + sql.slice(r.to);
  const query: PreparedQuery = { kind: "query", sql, params: [], tablesRead, setup: [], mapPosition: () => null };
  return query;
}

const NOT_ALIASES = /^\s+(where|join|inner|left|right|full|cross|natural|on|using|group|order|limit|offset|union|except|intersect|having|window|qualify)\b/i;

function hasAlias(rest: string): boolean {
  return /^\s+(as\s+)?[A-Za-z_]\w*/i.test(rest) && !NOT_ALIASES.test(rest);
}

function resolve(session: SessionState, parts: string[]) {
  const name = parts.at(-1) as string;
  if (parts.length === 3) return { catalog: parts[0], namespace: [parts[1]], name };
  const namespace = parts.length === 2 ? [parts[0]] : session.namespace;
  if (!session.catalog || !namespace) throw new AppError("bad_request", `Table ${parts.join(".")} needs a catalog and namespace (USE one).`);
  return { catalog: session.catalog, namespace, name };
}
