/**
 * A query → SQL that is safe to run: parse with DuckDB's parser, check every construct
 * (walk.ts), resolve each table reference and replace it by its secured relation
 * (relations.ts), number the parameters, and render the checked tree back with DuckDB's
 * own deparser — so what runs is what was checked. Views are planned the same way, one
 * level deeper each, up to MAX_VIEW_DEPTH.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { ParamValue, QueryContext, SessionState, SetupStep } from "../types";
import { deparse, parseSelect } from "./duck-parser";
import { byteToIndex } from "./edited-text";
import { isObject, type Json, type JsonObject, RawNumber } from "./json";
import { bindValues } from "./params";
import { PlanError, refused } from "./plan-error";
import { type Span, tokenMapper } from "./positions";
import { significant, tokenize } from "./lexer";
import { prepareText } from "./prepare-text";
import { aggregateFunctions } from "./functions";
import { wherePredicates } from "@/lib/query/federated";
import { simpleLimit, singleTableSelects } from "./pushdown";
import { type PlanOptions, type RelationRequest, type SecuredRelation, securedRelation } from "./relations";
import { findExactObjects, Lookups, type Resolved, resolveTable } from "./resolve";
import { showTablesRelation } from "./show-tables";
import { isGrouped, rowBound } from "./row-bound";
import { snapshotSelector } from "./time-travel";
import { type Locate, type WalkResult, walkTree } from "./walk";

export const MAX_VIEW_DEPTH = 8;

export interface PlannedSelect {
  sql: string;
  params: ParamValue[];
  tablesRead: string[];
  setup: SetupStep[];
  /** Some table was read under a narrowed read policy. */
  narrowed: boolean;
  /** Generated offset → offset into the planned text (null: no good match). */
  mapPosition: (offset: number) => number | null;
  /** The most rows the result can have, when the query's top level says (row-bound.ts). */
  rowBound?: number;
  /** GROUP BY at the top level (row-bound.ts). */
  grouped: boolean;
}

const NO_LOCATION = 2 ** 53;

/** DuckDB turns a PIVOT whose columns come from the data into several statements, which it cannot hand over as a tree (a PIVOT statement of its own is read through pivot.ts). */
function mentionsPivot(text: string): boolean {
  return significant(tokenize(text)).some((token) => token.text.toLowerCase() === "pivot");
}

export async function planSelectText(ctx: QueryContext, text: string, options: PlanOptions, depth = 0): Promise<PlannedSelect> {
  const prepared = prepareText(text);
  const parsed = await parseSelect(prepared.text);
  const toOriginal = (bytes: number) => prepared.toOriginal(byteToIndex(prepared.text, bytes));
  if (!parsed.ok) {
    // DuckDB's parser reports characters here (query_location in the tree counts bytes).
    const position = parsed.position === undefined ? undefined : prepared.toOriginal(parsed.position);
    if (parsed.notSelect && mentionsPivot(prepared.text)) throw refused("PIVOT without IN (…) inside another statement", "its columns would come from the data before the statement is checked; run the PIVOT as a statement of its own, or list its values: PIVOT orders ON status IN ('open', 'closed') USING sum(amount)", position);
    if (parsed.notSelect) throw refused("This statement", "only queries run here", position);
    throw new PlanError(capitalize(parsed.message), position);
  }
  if (parsed.statements.length !== 1) throw new PlanError("Run one statement at a time (separate them with ;).");
  const locate: Locate = (ql) => {
    const n = typeof ql === "number" ? ql : ql instanceof RawNumber ? Number(ql.text) : NaN;
    return Number.isFinite(n) && n < NO_LOCATION ? toOriginal(n) : undefined;
  };
  const walked = await walkTree(parsed.statements[0], locate);
  const bound = rowBound(parsed.statements[0], await aggregateFunctions());
  if (depth > 0 && walked.parameters.length) throw new PlanError("A view's SQL cannot have parameters.");
  const marker = markerFor(text);
  qualifyByAlias(walked);
  const relations = await tableRelations(ctx, parsed.tree, walked, marker, options, depth);
  for (const node of walked.showTables) {
    replaceWithMarker(node, `${marker}${relations.length}`, "tables");
    relations.push(await showTablesRelation(ctx));
  }
  const params = numberParameters(walked.parameters, prepared.names, ctx.params);
  pinFloatLiterals(parsed.tree);
  const rendered = await deparse(parsed.tree);
  await verifyRendered(rendered, marker);
  const { sql, spans } = splice(rendered, marker, relations);
  return {
    sql,
    params,
    tablesRead: [...new Set(relations.flatMap((r) => r.tablesRead))],
    setup: relations.flatMap((r) => r.setup),
    narrowed: relations.some((r) => r.narrowed),
    mapPosition: tokenMapper(text, sql, spans),
    ...(bound === undefined ? {} : { rowBound: bound }),
    grouped: isGrouped(parsed.statements[0]),
  };
}

const MARKER_KEY = randomBytes(32);

/**
 * The name table references take until their relations are spliced in: one the person
 * cannot guess (keyed by a secret of this process) nor write, and the same for the same
 * text, so that rendering a text planned before is remembered (duck-parser.ts).
 */
function markerFor(text: string): string {
  const marker = `tarn_rel_${createHmac("sha256", MARKER_KEY).update(text).digest("hex").slice(0, 16)}_`;
  return text.includes(marker) ? `tarn_rel_${randomBytes(8).toString("hex")}_` : marker;
}

/**
 * `SELECT db.orders.id FROM db.orders`: a column named through its table's full name is
 * named through the alias the relation gets (the table's own name when none is written).
 */
function qualifyByAlias(walked: WalkResult): void {
  const lower = (parts: Json[]) => parts.map((p) => String(p).toLowerCase());
  for (const ref of walked.qualifiedColumns) {
    const names = ref.column_names as Json[];
    const site = walked.tables.find((t) => !t.node.alias && t.parts.length > 1 && t.parts.length < names.length && lower(names.slice(0, t.parts.length)).join("\u0000") === lower(t.parts).join("\u0000"));
    if (site) ref.column_names = [site.parts[site.parts.length - 1], ...names.slice(site.parts.length)];
  }
}

/** Each table reference → its secured relation; the node becomes a marker spliced after rendering. */
async function tableRelations(ctx: QueryContext, tree: JsonObject, walked: WalkResult, marker: string, options: PlanOptions, depth: number): Promise<SecuredRelation[]> {
  const relations: SecuredRelation[] = [];
  const columns = walked.star ? null : walked.columns;
  const selects = singleTableSelects(tree);
  const planned = new Map<string, Promise<SecuredRelation>>();
  const resolvedNames = new Map<string, Promise<Resolved>>();
  const lookups = new Lookups();
  await findExactObjects(ctx, walked.tables.map((t) => t.parts), lookups);
  const aggregates = await aggregateFunctions();
  const planView = (sql: string, session: SessionState, viewName: string) => planView_(ctx, sql, session, viewName, options, depth);
  for (const site of walked.tables) {
    const name = site.parts.join("\u0000");
    const resolving = resolvedNames.get(name) ?? resolveTable(ctx, site.parts, site.position, lookups);
    resolvedNames.set(name, resolving);
    const resolved = await resolving;
    const at = isObject(site.node.at_clause) ? site.node.at_clause : undefined;
    const snapshot = at ? await snapshotSelector(at, ctx.params, site.position) : undefined;
    const pushdown = federatedPushdown(tree, site.node, selects.get(site.node), ctx.params, aggregates);
    // A table read twice at one snapshot is planned once (not federated ones: their columns and predicates differ;
    // nor information_schema's, whose rows each reference fills a temp table with).
    const key = resolved.kind === "federated" || resolved.kind === "information" ? undefined : JSON.stringify([resolved.kind, resolved.ident, resolved.kind === "metadata" ? resolved.table : "", snapshot ?? null], bigints);
    const cached = key ? planned.get(key) : undefined;
    const relation = await (cached ?? securedRelation(ctx, resolved, { snapshot, columns, pushdown, position: site.position }, options, planView));
    if (key && !cached) planned.set(key, Promise.resolve(relation));
    replaceWithMarker(site.node, `${marker}${relations.length}`, site.parts[site.parts.length - 1]);
    relations.push({ ...relation, origin: site.position });
  }
  return relations;
}

/**
 * A federated table's pre-filter: the WHERE conjuncts lib/query/federated may push for this
 * table node (inner joins, the preserved side of outer joins, NULL-rejecting predicates on
 * the nullable side), read from the tree before the node is rewritten; the LIMIT only when
 * the table is the SELECT's whole FROM.
 */
function federatedPushdown(tree: JsonObject, node: JsonObject, single: JsonObject | undefined, params: QueryContext["params"], aggregates: Set<string>): RelationRequest["pushdown"] {
  const param = (identifier: string) => (params && Object.hasOwn(params, identifier) ? params[identifier] : undefined);
  return (columns: string[]) => {
    const predicates = wherePredicates(tree, node, { columns, param });
    return { predicates, limit: single ? simpleLimit(single, predicates.length, aggregates) : undefined };
  };
}

async function planView_(ctx: QueryContext, sql: string, session: SessionState, viewName: string, options: PlanOptions, depth: number): Promise<SecuredRelation> {
  if (depth + 1 > MAX_VIEW_DEPTH) throw new PlanError(`Views nest more than ${MAX_VIEW_DEPTH} deep at ${viewName} (does a view read itself?).`);
  try {
    const planned = await planSelectText({ ...ctx, session, params: {} }, sql.trim().replace(/;\s*$/, ""), options, depth + 1);
    return { sql: planned.sql, setup: planned.setup, tablesRead: planned.tablesRead, narrowed: planned.narrowed };
  } catch (error) {
    if (error instanceof PlanError) throw new PlanError(`In view ${viewName}: ${error.message}`, undefined, { cause: error });
    throw error;
  }
}

/**
 * What runs is DuckDB's rendering of the checked tree; it is parsed and checked once more,
 * so a construct the renderer dropped or changed cannot turn a WITH name into a table
 * DuckDB would look up itself (a file, by replacement scan): every table left must be ours.
 */
async function verifyRendered(rendered: string, marker: string): Promise<void> {
  const reparsed = await parseSelect(rendered);
  if (!reparsed.ok) throw new PlanError("The statement could not be prepared safely.", undefined, { internal: reparsed.message });
  const walked = await walkTree(reparsed.tree, () => undefined);
  const stray = walked.tables.find((t) => t.parts.length !== 1 || !t.parts[0].startsWith(marker));
  if (stray || walked.showTables.length) throw new PlanError("The statement could not be prepared safely.", undefined, { internal: `stray table ${stray?.parts.join(".")}` });
}

/**
 * DuckDB renders a DOUBLE literal such as `1e3` as `1000.0`, which reads back as a
 * DECIMAL: such literals are rendered as casts, so they keep their type.
 */
export function pinFloatLiterals(value: Json): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const pinned = pinnedLiteral(item);
      if (pinned) value[i] = pinned;
      else pinFloatLiterals(item);
    });
  } else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      const pinned = pinnedLiteral(child);
      if (pinned) value[key] = pinned;
      else pinFloatLiterals(child);
    }
  }
}

function pinnedLiteral(node: Json): JsonObject | undefined {
  if (!isObject(node) || node.class !== "CONSTANT" || !isObject(node.value) || !isObject(node.value.type)) return undefined;
  const id = node.value.type.id;
  if (id !== "DOUBLE" && id !== "FLOAT") return undefined;
  const cast: JsonObject = { class: "CAST", type: "OPERATOR_CAST", alias: node.alias, query_location: node.query_location, child: { ...node, alias: "" }, cast_type: { id, type_info: null }, try_cast: false };
  return cast;
}

function replaceWithMarker(node: JsonObject, name: string, alias: string): void {
  const keepAlias = typeof node.alias === "string" && node.alias !== "" ? node.alias : alias;
  const columnAliases = Array.isArray(node.column_name_alias) ? node.column_name_alias : [];
  const location = node.query_location ?? null;
  for (const key of Object.keys(node)) delete node[key];
  Object.assign(node, {
    type: "BASE_TABLE",
    alias: keepAlias,
    sample: null,
    query_location: location,
    schema_name: "",
    table_name: name,
    column_name_alias: columnAliases,
    catalog_name: "",
    at_clause: null,
  } satisfies Record<string, Json>);
}

/** `$name` → `$1, $2…` in the order names were first written; values bound, never spliced. */
function numberParameters(nodes: JsonObject[], names: string[], values: QueryContext["params"]): ParamValue[] {
  const used = names.filter((n) => nodes.some((p) => p.identifier === n));
  for (const node of nodes) {
    const index = used.indexOf(String(node.identifier));
    if (index < 0) throw new PlanError(`Write parameters as :name (not $${String(node.identifier)}).`);
    node.identifier = String(index + 1);
  }
  return bindValues(used, values);
}

function splice(rendered: string, marker: string, relations: SecuredRelation[]): { sql: string; spans: Span[] } {
  const pattern = new RegExp(`"?${marker}([0-9]+)"?`, "g");
  const spans: Span[] = [];
  let sql = "";
  let at = 0;
  for (const match of rendered.matchAll(pattern)) {
    sql += rendered.slice(at, match.index);
    const relation = relations[Number(match[1])].sql;
    spans.push({ start: sql.length, end: sql.length + relation.length, origin: relations[Number(match[1])].origin });
    sql += relation;
    at = (match.index ?? 0) + match[0].length;
  }
  return { sql: sql + rendered.slice(at), spans };
}

function bigints(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}

function capitalize(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
