import type {
  Expr,
  LiteralOp,
  Predicate,
  SetOp,
  UnaryOp,
  UnboundExpr,
  UnboundPredicate,
} from "./types";

/**
 * Building expressions. `and`/`or`/`not` fold constants and flatten as they go, so
 * evaluators and projections never see `and(true, x)` or `not(not(x))`.
 *
 * ```ts
 * and(gtEq("ts", "2024-01-01T00:00:00"), isIn("country", ["NO", "SE"]), notNull("id"))
 * ```
 */
export function alwaysTrue<P = never>(): Expr<P> {
  return { kind: "true" };
}

export function alwaysFalse<P = never>(): Expr<P> {
  return { kind: "false" };
}

export function and<P>(...children: Expr<P>[]): Expr<P> {
  const kept: Expr<P>[] = [];
  for (const child of children) {
    if (isConst(child, "false")) return alwaysFalse();
    if (isConst(child, "true")) continue;
    if (isJunction(child, "and")) kept.push(...child.children);
    else kept.push(child);
  }
  if (kept.length === 0) return alwaysTrue();
  return kept.length === 1 ? kept[0] : { kind: "and", children: kept };
}

export function or<P>(...children: Expr<P>[]): Expr<P> {
  const kept: Expr<P>[] = [];
  for (const child of children) {
    if (isConst(child, "true")) return alwaysTrue();
    if (isConst(child, "false")) continue;
    if (isJunction(child, "or")) kept.push(...child.children);
    else kept.push(child);
  }
  if (kept.length === 0) return alwaysFalse();
  return kept.length === 1 ? kept[0] : { kind: "or", children: kept };
}

export function not<P>(child: Expr<P>): Expr<P> {
  if (isConst(child, "true")) return alwaysFalse();
  if (isConst(child, "false")) return alwaysTrue();
  if (isNot(child)) return child.child;
  return { kind: "not", child };
}

function isConst<P>(e: Expr<P>, kind: "true" | "false"): boolean {
  return (e as { kind: string }).kind === kind;
}

function isJunction<P>(
  e: Expr<P>,
  kind: "and" | "or",
): e is { kind: "and" | "or"; children: Expr<P>[] } {
  return (e as { kind: string }).kind === kind;
}

function isNot<P>(e: Expr<P>): e is { kind: "not"; child: Expr<P> } {
  return (e as { kind: string }).kind === "not";
}

/** Any predicate by its op; the named helpers below are shorthands. */
export function predicate<R, V>(op: UnaryOp, ref: R): Predicate<R, V>;
export function predicate<R, V>(op: LiteralOp, ref: R, value: V): Predicate<R, V>;
export function predicate<R, V>(op: SetOp, ref: R, values: V[]): Predicate<R, V>;
export function predicate<R, V>(
  op: UnaryOp | LiteralOp | SetOp,
  ref: R,
  arg?: V | V[],
): Predicate<R, V> {
  if (op === "in" || op === "notIn") return { kind: "predicate", op, ref, values: arg as V[] };
  if (op === "isNull" || op === "notNull" || op === "isNaN" || op === "notNaN") {
    return { kind: "predicate", op, ref };
  }
  return { kind: "predicate", op, ref, value: arg as V };
}

type Unbound = UnboundExpr;
const literal =
  (op: LiteralOp) =>
  (column: string, value: unknown): Unbound =>
    predicate<string, unknown>(op, column, value) as UnboundPredicate;
const unary =
  (op: UnaryOp) =>
  (column: string): Unbound =>
    predicate<string, unknown>(op, column) as UnboundPredicate;

export const eq = literal("eq");
export const notEq = literal("notEq");
export const lt = literal("lt");
export const ltEq = literal("ltEq");
export const gt = literal("gt");
export const gtEq = literal("gtEq");
export const startsWith = literal("startsWith");
export const notStartsWith = literal("notStartsWith");
export const isNull = unary("isNull");
export const notNull = unary("notNull");
/** `isNaN` (named so it does not shadow the global). */
export const isNan = unary("isNaN");
export const notNan = unary("notNaN");

export function isIn(column: string, values: unknown[]): Unbound {
  return predicate<string, unknown>("in", column, values) as UnboundPredicate;
}

export function notIn(column: string, values: unknown[]): Unbound {
  return predicate<string, unknown>("notIn", column, values) as UnboundPredicate;
}
