/**
 * MERGE INTO t USING s ON … WHEN [NOT] MATCHED …, through rewrite.ts: the target and the
 * source are full-outer-joined on the condition; for each joined row the first WHEN
 * clause that applies (numbered: matched 1…, not matched 1001…) decides its new values.
 * A target row matched by several source rows that a clause would change is an error,
 * as in the SQL standard. With a key in the ON (merge-key.ts) only target rows whose key
 * the source has are read and rewritten.
 */
import { AppError } from "@/lib/errors";
import { duckType, quoteIdent } from "@/lib/iceberg/duckdb";
import type { NestedField } from "@/lib/iceberg/spec";
import type { EngineConnection, PreparedCommand } from "../../types";
import { sqlIdent, sqlTableName } from "../names";
import { writableTable } from "./targets";
import type { Merge, Span } from "../parse";
import { type CommandEnv, command, rowCount } from "./context";
import { withMaterialized } from "./materialize";
import { keyFilter, keyRestriction, mergeKey } from "./merge-key";
import { commitRewrite, keptRows, planOverTarget, type RewriteTarget, rewriteTarget, targetField } from "./rewrite";

const RID = "__tarn_rid";
const SID = "__tarn_sid";
const CLAUSE = "__tarn_clause";
const KEY = "__tarn_key";
const SOURCE = "__tarn_merge_source";
const NOT_MATCHED = 1000;

interface Aliases {
  t: string;
  s: string;
}

export async function mergeCommand(env: CommandEnv, c: Merge): Promise<PreparedCommand> {
  const target = await rewriteTarget(env, await writableTable(env, c.target.name));
  const sourceParts = c.source.kind === "table" ? c.source.name.parts : undefined;
  const aliases = { t: sqlIdent(c.target.alias ?? target.ident.name), s: sqlIdent(c.source.alias ?? sourceParts?.at(-1) ?? "source") };
  if (aliases.t === aliases.s) throw new AppError("bad_request", "The MERGE target and source need different aliases (… AS t USING … AS s).");
  // The source is read through the planner like any query: resolved, secured.
  const sourceSql = sourceParts ? `SELECT * FROM ${sourceParts.map(sqlIdent).join(".")}` : (c.source as { query: Span }).query.sql;
  const columns = target.schema.fields.map((f) => `${columnValue(target, c, aliases, f)} AS ${quoteIdent(f.name)}`);
  const key = mergeKey(c.on, target, c.target.alias ?? target.ident.name, c.source.alias ?? sourceParts?.at(-1) ?? "source");
  const sql = [
    // Materialized: the source runs once, even where the key restricts the target by it.
    `WITH ${SOURCE} AS MATERIALIZED (SELECT *, row_number() OVER () AS ${SID} FROM (${sourceSql}) AS __tarn_source)`,
    `SELECT ${aliases.t}.${RID} AS ${RID}, ${aliases.s}.${SID} AS ${SID}, ${clauseNumber(c, aliases)} AS ${CLAUSE},`,
    key ? `${aliases.t}.${quoteIdent(key.column)} AS ${KEY}, ` : "",
    columns.join(", "),
    `FROM (SELECT *, row_number() OVER () AS ${RID} FROM ${sqlTableName(target.ident)}${key ? ` WHERE ${keyRestriction(key, SOURCE)}` : ""}) AS ${aliases.t}`,
    `FULL OUTER JOIN ${SOURCE} AS ${aliases.s}`,
    `ON ${c.on.sql}`,
  ].join("\n");
  const query = await planOverTarget(env, target, sql, mergeSpans(c));
  const kinds = clauseKinds(c);
  return command(`MERGE INTO ${target.name}`, { read: query.tablesRead, written: [target.name] }, (connection, signal) =>
    withMaterialized(connection, query, signal, async (rows) => {
      await checkSingleMatches(connection, rows.table, target);
      const counts = await countActions(connection, rows.table, kinds);
      const changed = counts.updated + counts.deleted + counts.inserted;
      if (changed > 0) {
        const kept = `${keptRows(target, rows, `${RID} IS NOT NULL AND ${CLAUSE} NOT IN ${list(kinds.deletes)}`)} QUALIFY row_number() OVER (PARTITION BY ${RID}) = 1`;
        const inserted = keptRows(target, rows, `${RID} IS NULL AND ${CLAUSE} IN ${list(kinds.inserts)}`);
        const filter = key ? await keyFilter(connection, key, rows.table, KEY, `${RID} IS NOT NULL`) : undefined;
        await commitRewrite(env, target, connection, signal, `${kept} UNION ALL ${inserted}`, "merge", filter);
      }
      const message = `Merged into ${target.name}: ${rowCount(counts.inserted)} inserted, ${rowCount(counts.updated)} updated, ${rowCount(counts.deleted)} deleted.`;
      return { message, rowsAffected: changed };
    }),
  );
}

function matched(a: Aliases): string {
  return `${a.t}.${RID} IS NOT NULL AND ${a.s}.${SID} IS NOT NULL`;
}

function notMatched(a: Aliases): string {
  return `${a.t}.${RID} IS NULL`;
}

function condition(span: Span | undefined): string {
  return span ? ` AND coalesce((${span.sql}), FALSE)` : "";
}

/** Which clause applies to a joined row: 0 for none. */
function clauseNumber(c: Merge, a: Aliases): string {
  const whens = [
    ...c.whenMatched.map((w, i) => `WHEN ${matched(a)}${condition(w.condition)} THEN ${i + 1}`),
    ...c.whenNotMatched.map((w, i) => `WHEN ${notMatched(a)}${condition(w.condition)} THEN ${NOT_MATCHED + i + 1}`),
  ];
  return `CASE ${whens.join(" ")} ELSE 0 END`;
}

/**
 * A target column's new value. Every clause gets a branch, in clause order, so the first
 * applicable clause decides as in `clauseNumber` (DELETE and DO NOTHING keep the old value).
 */
function columnValue(target: RewriteTarget, c: Merge, a: Aliases, f: NestedField): string {
  const old = `${a.t}.${quoteIdent(f.name)}`;
  const cast = (sql: string) => `CAST((${sql}) AS ${duckType(f.type)})`;
  const whens = [
    ...c.whenMatched.map((w) => `WHEN ${matched(a)}${condition(w.condition)} THEN ${matchedValue(target, w.action, a, f, cast) ?? old}`),
    ...c.whenNotMatched.map((w, i) => `WHEN ${notMatched(a)}${condition(w.condition)} THEN ${insertedValue(target, w.action, i, a, f, cast)}`),
  ];
  return whens.length ? `CASE ${whens.join(" ")} ELSE ${old} END` : old;
}

type Cast = (sql: string) => string;

function matchedValue(target: RewriteTarget, action: Merge["whenMatched"][number]["action"], a: Aliases, f: NestedField, cast: Cast): string | undefined {
  if (action.kind !== "update") return undefined;
  if (!action.set) return cast(`${a.s}.${quoteIdent(f.name)}`);
  const assigned = action.set.find((s) => targetField(target, s.column).name === f.name);
  return assigned ? cast(assigned.value.sql) : undefined;
}

function insertedValue(target: RewriteTarget, action: Merge["whenNotMatched"][number]["action"], i: number, a: Aliases, f: NestedField, cast: Cast): string {
  const none = `CAST(NULL AS ${duckType(f.type)})`;
  if (action.kind !== "insert") return none;
  if (!action.values) return cast(`${a.s}.${quoteIdent(f.name)}`);
  const names = action.columns ?? target.schema.fields.map((x) => x.name);
  if (names.length !== action.values.length) {
    throw new AppError("bad_request", `WHEN NOT MATCHED clause ${i + 1} names ${names.length} columns but gives ${action.values.length} values.`);
  }
  const at = names.findIndex((n) => targetField(target, n).name === f.name);
  return at < 0 ? none : cast(action.values[at].sql);
}

interface ClauseKinds {
  updates: number[];
  deletes: number[];
  inserts: number[];
}

function clauseKinds(c: Merge): ClauseKinds {
  const kinds: ClauseKinds = { updates: [], deletes: [], inserts: [] };
  c.whenMatched.forEach((w, i) => {
    if (w.action.kind === "update") kinds.updates.push(i + 1);
    if (w.action.kind === "delete") kinds.deletes.push(i + 1);
  });
  c.whenNotMatched.forEach((w, i) => {
    if (w.action.kind === "insert") kinds.inserts.push(NOT_MATCHED + i + 1);
  });
  return kinds;
}

function list(numbers: number[]): string {
  return `(${numbers.length ? numbers.join(", ") : "-1"})`;
}

async function countActions(connection: EngineConnection, table: string, kinds: ClauseKinds) {
  const [row] = await connection.rows(
    `SELECT count(*) FILTER (WHERE ${CLAUSE} IN ${list(kinds.updates)}) AS updated, count(*) FILTER (WHERE ${CLAUSE} IN ${list(kinds.deletes)}) AS deleted, count(*) FILTER (WHERE ${CLAUSE} IN ${list(kinds.inserts)}) AS inserted FROM ${table}`,
  );
  return { updated: Number(row.updated), deleted: Number(row.deleted), inserted: Number(row.inserted) };
}

async function checkSingleMatches(connection: EngineConnection, table: string, target: RewriteTarget): Promise<void> {
  const [row] = await connection.rows(
    `SELECT count(*) AS n FROM (SELECT ${RID} FROM ${table} WHERE ${RID} IS NOT NULL AND ${SID} IS NOT NULL GROUP BY ${RID} HAVING count(*) > 1 AND max(${CLAUSE}) > 0) AS d`,
  );
  if (Number(row.n) > 0) {
    throw new AppError("bad_request", `MERGE matched a row of ${target.name} with more than one source row; make the ON condition match each target row at most once.`);
  }
}

/** The pieces of the statement inside the generated SELECT, for error positions. */
function mergeSpans(c: Merge): Span[] {
  const spans: Span[] = [c.on, ...(c.source.kind === "query" ? [c.source.query] : [])];
  for (const w of c.whenMatched) {
    if (w.condition) spans.push(w.condition);
    if (w.action.kind === "update") spans.push(...(w.action.set ?? []).map((a) => a.value));
  }
  for (const w of c.whenNotMatched) {
    if (w.condition) spans.push(w.condition);
    if (w.action.kind === "insert") spans.push(...(w.action.values ?? []));
  }
  return spans;
}
