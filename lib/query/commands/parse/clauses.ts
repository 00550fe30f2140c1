/** Pieces several statements share: property lists, partition fields, embedded SELECTs. */
import type { PartitionItem, Properties, Span } from "./ast";
import type { Cursor } from "./cursor";

/** `('k' = 'v', write.mode = 'x', …)`; keys are strings or dotted names, values strings, numbers or booleans. */
export function propertyList(cursor: Cursor): Properties {
  cursor.expectPunct("(", '"(" before the properties');
  const properties: Properties = {};
  do {
    const key = propertyKey(cursor);
    cursor.acceptOp("=");
    properties[key] = propertyValue(cursor);
  } while (cursor.acceptPunct(","));
  cursor.expectPunct(")", '"," or ")" after a property');
  return properties;
}

/** `('k', 'k2')`, for UNSET. */
export function propertyKeys(cursor: Cursor): string[] {
  cursor.expectPunct("(", '"(" before the property names');
  const keys = [propertyKey(cursor)];
  while (cursor.acceptPunct(",")) keys.push(propertyKey(cursor));
  cursor.expectPunct(")", '"," or ")" after a property name');
  return keys;
}

function propertyKey(cursor: Cursor): string {
  if (cursor.peek().kind === "string") return cursor.next().value;
  return cursor.qualifiedName("a property name").parts.join(".");
}

function propertyValue(cursor: Cursor): string {
  const token = cursor.peek();
  if (token.kind === "string" || token.kind === "number") return cursor.next().value;
  if (cursor.accept("TRUE")) return "true";
  if (cursor.accept("FALSE")) return "false";
  throw cursor.error("expected a property value as a '…' string");
}

const TIME_TRANSFORMS: Record<string, string> = {
  YEAR: "year",
  YEARS: "year",
  MONTH: "month",
  MONTHS: "month",
  DAY: "day",
  DAYS: "day",
  DATE: "day",
  HOUR: "hour",
  HOURS: "hour",
  DATE_HOUR: "hour",
};

/** `col`, `month(col)`, `bucket(16, col)`, `truncate(4, col)` (Spark's argument order either way). */
export function partitionItem(cursor: Cursor): PartitionItem {
  if (!cursor.isPunct("(", 1)) return { column: columnPath(cursor), transform: "identity" };
  const token = cursor.next();
  const word = token.kind === "word" ? token.upper : "";
  cursor.expectPunct("(");
  let item: PartitionItem;
  if (word in TIME_TRANSFORMS) item = { column: columnPath(cursor), transform: TIME_TRANSFORMS[word] };
  else if (word === "BUCKET" || word === "TRUNCATE") item = widthTransform(cursor, word.toLowerCase());
  else if (word === "IDENTITY") item = { column: columnPath(cursor), transform: "identity" };
  else throw cursor.unsupported(`the partition transform ${token.text}()`, "Use year, month, day, hour, bucket(N, col) or truncate(W, col).", token);
  cursor.expectPunct(")");
  return item;
}

function widthTransform(cursor: Cursor, name: string): PartitionItem {
  const what = name === "bucket" ? "the number of buckets" : "the truncation width";
  if (cursor.peek().kind === "number") {
    const width = cursor.integer(what);
    cursor.expectPunct(",");
    return { column: columnPath(cursor), transform: `${name}[${width}]` };
  }
  const column = columnPath(cursor);
  cursor.expectPunct(",", `"," and ${what}`);
  return { column, transform: `${name}[${cursor.integer(what)}]` };
}

/** A column, nested ones by dotted path (`address.city`). */
export function columnPath(cursor: Cursor, what = "a column name"): string {
  return cursor.qualifiedName(what).parts.join(".");
}

/** `(item, …)` after PARTITIONED BY. */
export function partitionList(cursor: Cursor): PartitionItem[] {
  cursor.expectPunct("(", '"(" before the partition fields');
  const items = [partitionItem(cursor)];
  while (cursor.acceptPunct(",")) items.push(partitionItem(cursor));
  if (cursor.isName()) throw cursor.unsupported("column types in PARTITIONED BY", "Name columns of the table, declared in its column list.");
  cursor.expectPunct(")", '"," or ")" after a partition field');
  return items;
}

const QUERY_START = new Set(["SELECT", "WITH", "FROM", "VALUES", "TABLE"]);

/** The rest of the statement, which must be a query (DuckDB's parser checks the rest). */
export function querySpan(cursor: Cursor): Span {
  const token = cursor.peek();
  const startsQuery = (token.kind === "word" && QUERY_START.has(token.upper)) || cursor.isPunct("(");
  if (!startsQuery) throw cursor.error("expected a query (SELECT …)");
  return cursor.spanUntil("a query");
}
