/**
 * The simple predicates of a SELECT's WHERE that may pre-filter one federated table, read
 * from DuckDB's own parse tree (`json_serialize_sql`). For the planner:
 *
 *   const predicates = wherePredicates(statementTree, tableNode, { columns, exclude, param });
 *   await federatedRelation(ctx, ident, { columns: wanted, predicates });
 *
 * The WHERE stays in the query as written, so the relation only has to keep every row the
 * query could keep: conjuncts (`AND`) comparing one of this table's columns with a literal
 * (or a bound `$n`), `IN (…)`, `LIKE 'prefix%'`, `IS [NOT] NULL`. Nothing is taken when the
 * pre-filter could change the answer: the table on the nullable side of an outer join
 * (except for predicates that reject NULLs), in a positional, ASOF, semi or anti join, a
 * TABLESAMPLE, renamed columns (`AS t(a, b)`), or a column the caller excludes (masked or
 * hidden by the read policy: the WHERE sees the mask, the source the value).
 */
import {
  type ComparisonOp,
  checkValue,
  type PredicateValue,
  type SimplePredicate,
} from "./predicates";

type Node = Record<string, unknown>;

/** A bound parameter's value (`$n`, by its identifier "n"); undefined when unknown. */
export type ParamLookup = (
  identifier: string,
) => string | number | bigint | boolean | null | undefined;

export interface WhereOptions {
  /** The table's column names as the source has them. */
  columns: string[];
  /** Columns never to pre-filter on (masked or hidden). */
  exclude?: (column: string) => boolean;
  param?: ParamLookup;
}

const COMPARISONS: Record<string, ComparisonOp> = {
  COMPARE_EQUAL: "=",
  COMPARE_NOTEQUAL: "<>",
  COMPARE_LESSTHAN: "<",
  COMPARE_GREATERTHAN: ">",
  COMPARE_LESSTHANOREQUALTO: "<=",
  COMPARE_GREATERTHANOREQUALTO: ">=",
};
const FLIPPED: Record<ComparisonOp, ComparisonOp> = {
  "=": "=",
  "<>": "<>",
  "<": ">",
  ">": "<",
  "<=": ">=",
  ">=": "<=",
};

/**
 * `tree`: the parse tree holding the table (a statement, or the SELECT_NODE itself);
 * `table`: the BASE_TABLE node of the federated table, the very object in `tree`, before
 * any rewriting.
 */
export function wherePredicates(
  tree: unknown,
  table: unknown,
  options: WhereOptions,
): SimplePredicate[] {
  if (!isNode(table)) return [];
  const select = enclosingSelect(tree, table);
  if (!select || !isNode(select.where_clause)) return [];
  if (select.sample || table.sample || nonEmpty(table.column_name_alias)) return [];
  const place = locate(select.from_table, table, false);
  if (!place) return [];
  const context: Context = { ...options, table, single: select.from_table === table };
  const out: SimplePredicate[] = [];
  for (const conjunct of conjuncts(select.where_clause)) {
    const predicate = simplePredicate(conjunct, context);
    if (!predicate || !usable(predicate)) continue;
    // Outer joins: the WHERE sees NULL-extended rows; only predicates rejecting NULLs keep them out alike.
    if (place.nullable && predicate.op === "IS NULL") continue;
    out.push(predicate);
  }
  return out;
}

interface Context extends WhereOptions {
  table: Node;
  /** The table is the whole FROM: unqualified names are its columns. */
  single: boolean;
}

/** The SELECT_NODE whose FROM holds `table` through joins only. */
export function enclosingSelect(tree: unknown, table: Node): Node | null {
  if (Array.isArray(tree)) {
    for (const item of tree) {
      const found = enclosingSelect(item, table);
      if (found) return found;
    }
    return null;
  }
  if (!isNode(tree)) return null;
  if (tree.type === "SELECT_NODE" && inFrom(tree.from_table, table)) return tree;
  return enclosingSelect(Object.values(tree), table);
}

function inFrom(from: unknown, table: Node): boolean {
  if (from === table) return true;
  return (
    isNode(from) && from.type === "JOIN" && (inFrom(from.left, table) || inFrom(from.right, table))
  );
}

/** Where `table` sits in a FROM of joins: null when not directly there or where a pre-filter is unsafe. */
function locate(from: unknown, table: Node, nullable: boolean): { nullable: boolean } | null {
  if (from === table) return { nullable };
  // Positional and ASOF joins: pre-filtering one side would change which rows pair up.
  if (
    !isNode(from) ||
    from.type !== "JOIN" ||
    from.sample ||
    !PLAIN_JOINS.has(String(from.ref_type))
  )
    return null;
  const type = String(from.join_type);
  // A semi or anti join's right side is not in the WHERE's scope.
  if (type === "SEMI" || type === "ANTI") return locate(from.left, table, nullable);
  if (!(type in NULLABLE_SIDES)) return null;
  const sides = NULLABLE_SIDES[type];
  return (
    locate(from.left, table, nullable || sides.left) ??
    locate(from.right, table, nullable || sides.right)
  );
}

const PLAIN_JOINS = new Set(["REGULAR", "CROSS", "NATURAL"]);

/** Which side of each join may come NULL-extended into the WHERE. */
const NULLABLE_SIDES: Record<string, { left: boolean; right: boolean }> = {
  INNER: { left: false, right: false },
  LEFT: { left: false, right: true },
  RIGHT: { left: true, right: false },
  FULL: { left: true, right: true },
  OUTER: { left: true, right: true },
};

function conjuncts(expression: unknown): unknown[] {
  if (
    isNode(expression) &&
    expression.type === "CONJUNCTION_AND" &&
    Array.isArray(expression.children)
  )
    return expression.children.flatMap(conjuncts);
  return [expression];
}

function simplePredicate(e: unknown, c: Context): SimplePredicate | null {
  if (!isNode(e)) return null;
  if (e.class === "COMPARISON" && typeof e.type === "string" && e.type in COMPARISONS) {
    const op = COMPARISONS[e.type];
    const left = columnOf(e.left, c);
    if (left) return withValue(left, op, literal(e.right, c));
    const right = columnOf(e.right, c);
    if (right) return withValue(right, FLIPPED[op], literal(e.left, c));
    return null;
  }
  const children = Array.isArray(e.children) ? e.children : [];
  if (e.type === "OPERATOR_IS_NULL" || e.type === "OPERATOR_IS_NOT_NULL") {
    const column = children.length === 1 ? columnOf(children[0], c) : null;
    return column
      ? { column, op: e.type === "OPERATOR_IS_NULL" ? "IS NULL" : "IS NOT NULL" }
      : null;
  }
  if (e.type === "COMPARE_IN") return inList(children, c);
  if (e.class === "FUNCTION" && e.function_name === "~~" && children.length === 2)
    return likePrefix(children, c);
  return null;
}

function withValue(
  column: string,
  op: ComparisonOp,
  value: PredicateValue | null,
): SimplePredicate | null {
  return value ? { column, op, value } : null;
}

function inList(children: unknown[], c: Context): SimplePredicate | null {
  const column = columnOf(children[0], c);
  if (!column || children.length < 2) return null;
  const values = children.slice(1).map((v) => literal(v, c));
  return values.every((v) => v !== null)
    ? { column, op: "IN", values: values as PredicateValue[] }
    : null;
}

/** `col LIKE 'abc%'` (DuckDB's LIKE has no escape character unless ESCAPE is given). */
function likePrefix(children: unknown[], c: Context): SimplePredicate | null {
  const column = columnOf(children[0], c);
  const pattern = literal(children[1], c);
  if (!column || pattern?.type !== "string") return null;
  const match = pattern.value.match(/^([^%_]*)%$/);
  return match ? { column, op: "LIKE", prefix: match[1] } : null;
}

/** The table's column a COLUMN_REF names, as the source spells it; null for anything else. */
function columnOf(e: unknown, c: Context): string | null {
  if (!isNode(e) || e.class !== "COLUMN_REF" || !Array.isArray(e.column_names)) return null;
  const names = e.column_names.map(String);
  let name: string;
  if (names.length === 1 && c.single) name = names[0];
  else if (names.length === 2 && sameName(names[0], tableName(c.table))) name = names[1];
  else return null;
  const column = sourceColumn(name, c.columns);
  return column && !c.exclude?.(column) ? column : null;
}

function tableName(table: Node): string {
  return String(table.alias || table.table_name);
}

/** DuckDB matches names ignoring case; where that is ambiguous, only the exact spelling. */
function sourceColumn(name: string, columns: string[]): string | null {
  if (columns.includes(name)) return name;
  const matches = columns.filter((c) => sameName(c, name));
  return matches.length === 1 ? matches[0] : null;
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** A literal the parser wrote (a constant, a cast of one, a bound parameter), typed as DuckDB reads it. */
function literal(e: unknown, c: Context): PredicateValue | null {
  if (!isNode(e)) return null;
  if (e.class === "CONSTANT" && isNode(e.value)) return constant(e.value);
  if (e.class === "CAST" && isNode(e.cast_type) && !e.try_cast)
    return castConstant(e.child, String(e.cast_type.id));
  if (e.class === "PARAMETER" && c.param) return paramValue(c.param(String(e.identifier)));
  return null;
}

function constant(value: Node): PredicateValue | null {
  if (value.is_null !== false || !isNode(value.type)) return null;
  const id = String(value.type.id);
  const raw = value.value;
  switch (id) {
    case "BOOLEAN":
      return typeof raw === "boolean" ? { type: "boolean", value: raw } : null;
    case "VARCHAR":
      return typeof raw === "string" ? { type: "string", value: raw } : null;
    case "DOUBLE":
    case "FLOAT": {
      const n = Number(numberText(raw));
      return Number.isFinite(n) ? { type: "double", value: n } : null;
    }
    case "DECIMAL": {
      const digits = numberText(raw);
      const scale = isNode(value.type.type_info) ? Number(value.type.type_info.scale) : Number.NaN;
      return digits !== null && Number.isInteger(scale)
        ? { type: "decimal", value: decimalText(digits, scale) }
        : null;
    }
    case "HUGEINT":
      return hugeint(raw);
    default: {
      if (!INTEGER_TYPES.has(id)) return null;
      const digits = numberText(raw);
      return digits === null ? null : { type: "integer", value: BigInt(digits) };
    }
  }
}

const INTEGER_TYPES = new Set([
  "TINYINT",
  "SMALLINT",
  "INTEGER",
  "BIGINT",
  "UTINYINT",
  "USMALLINT",
  "UINTEGER",
  "UBIGINT",
]);

const CAST_TYPES: Record<string, "date" | "timestamp" | "timestamptz"> = {
  DATE: "date",
  TIMESTAMP: "timestamp",
  "TIMESTAMP WITH TIME ZONE": "timestamptz",
};

function castConstant(child: unknown, to: string): PredicateValue | null {
  if (!isNode(child) || child.class !== "CONSTANT" || !isNode(child.value)) return null;
  const inner = constant(child.value);
  if (!inner) return null;
  if (inner.type === "string" && to in CAST_TYPES)
    return { type: CAST_TYPES[to], value: inner.value };
  if (inner.type === "string" && to === "BOOLEAN") {
    const text = inner.value.trim().toLowerCase();
    if (text === "t" || text === "true") return { type: "boolean", value: true };
    if (text === "f" || text === "false") return { type: "boolean", value: false };
    return null;
  }
  if (
    to === "DOUBLE" &&
    (inner.type === "integer" || inner.type === "decimal" || inner.type === "double")
  )
    return { type: "double", value: Number(inner.value) };
  return null;
}

function paramValue(value: ReturnType<ParamLookup>): PredicateValue | null {
  switch (typeof value) {
    case "boolean":
      return { type: "boolean", value };
    case "string":
      return { type: "string", value };
    case "bigint":
      return { type: "integer", value };
    case "number":
      if (Number.isSafeInteger(value)) return { type: "integer", value: BigInt(value) };
      return Number.isFinite(value) ? { type: "double", value } : null;
    default:
      return null;
  }
}

/** HUGEINT constants come as {upper, lower}: upper · 2^64 + lower. */
function hugeint(raw: unknown): PredicateValue | null {
  if (!isNode(raw)) return null;
  const upper = numberText(raw.upper);
  const lower = numberText(raw.lower);
  if (upper === null || lower === null) return null;
  return { type: "integer", value: BigInt(upper) * 2n ** 64n + BigInt(lower) };
}

/**
 * A number's exact text: a safe integer, a float, or the planner's RawNumber (`{ text }`,
 * kept exact where JSON.parse would round). An unsafe integer that JSON.parse rounded is no
 * use: null.
 */
function numberText(raw: unknown): string | null {
  if (typeof raw === "number")
    return Number.isInteger(raw) && !Number.isSafeInteger(raw) ? null : String(raw);
  if (isNode(raw) && typeof raw.text === "string") return raw.text;
  return null;
}

function decimalText(digits: string, scale: number): string {
  if (scale === 0) return digits;
  const negative = digits.startsWith("-");
  const body = (negative ? digits.slice(1) : digits).padStart(scale + 1, "0");
  return `${negative ? "-" : ""}${body.slice(0, -scale)}.${body.slice(-scale)}`;
}

/** Literals DuckDB takes that the source-side checks would refuse (`DATE '2024-1-1'`) are left to DuckDB. */
function usable(predicate: SimplePredicate): boolean {
  const values =
    "value" in predicate ? [predicate.value] : predicate.op === "IN" ? predicate.values : [];
  try {
    values.forEach(checkValue);
    return true;
  } catch {
    return false;
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}
