/**
 * DuckDB's own parser, on a DuckDB instance of its own: no tables, no files, external
 * access off and the configuration locked, so nothing typed into a statement can reach
 * anything while it is parsed (DuckDB reads files while *extracting* some statements,
 * e.g. IMPORT DATABASE). It never runs user SQL; the instance that executes is exec/'s.
 *
 * - `parseSelect` → the JSON parse tree of SELECT statements (`json_serialize_sql`);
 * - `deparse` → SQL text from a tree (`json_deserialize_sql`), so what runs is what we checked;
 * - `evaluateConstant` → the value of a checked, table-free expression (time travel);
 * - `engineFunctions` → `duckdb_functions()`, the source of the function allow-list.
 */
import { type DuckDBConnection, DuckDBInstance, type DuckDBPreparedStatement } from "@duckdb/node-api";
import type { ParamValue } from "../types";
import { isObject, type Json, type JsonObject, parseJson, stringifyJson } from "./json";

let connection: Promise<DuckDBConnection> | undefined;

function parserConnection(): Promise<DuckDBConnection> {
  connection ??= open().catch((error) => {
    connection = undefined;
    throw error;
  });
  return connection;
}

async function open(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(":memory:", {
    enable_external_access: "false",
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
    threads: "1",
    max_memory: "256MB",
  });
  const duck = await instance.connect();
  // Times without a zone (AT (TIMESTAMP => …)) are UTC. Then nothing can be changed.
  await duck.run("SET TimeZone = 'UTC'");
  await duck.run("SET lock_configuration = true");
  return duck;
}

interface Prepared {
  serialize: DuckDBPreparedStatement;
  deserialize: DuckDBPreparedStatement;
}

let prepared: Promise<Prepared> | undefined;
/** The last text conversion queued: each waits for the one before (see `convert`). */
let turn: Promise<unknown> = Promise.resolve();

function preparedStatements(): Promise<Prepared> {
  prepared ??= (async () => {
    const duck = await parserConnection();
    return {
      serialize: await duck.prepare("SELECT json_serialize_sql($1::VARCHAR)"),
      deserialize: await duck.prepare("SELECT json_deserialize_sql($1::JSON)"),
    };
  })().catch((error) => {
    prepared = undefined;
    throw error;
  });
  return prepared;
}

/**
 * Text in, text out through one of the two statements, prepared once (preparing is most
 * of the cost of a small parse). A prepared statement holds its bound value until it
 * runs, so conversions take turns: none binds while another's is pending. The same text
 * always converts to the same text, so recent conversions are remembered (see Recent).
 */
async function convert(which: keyof Prepared, text: string): Promise<string> {
  const key = `${which}\u0000${text}`;
  const known = recent.get(key);
  if (known !== undefined) return known;
  const statements = await preparedStatements();
  const mine = turn.then(async () => {
    const statement = statements[which];
    statement.bindVarchar(1, text);
    const reader = await statement.runAndReadAll();
    return String(reader.getRows()[0][0]);
  });
  turn = mine.catch(() => undefined);
  const converted = await mine;
  recent.set(key, converted);
  return converted;
}

/**
 * The conversions of recently planned statements, least recently used dropped first,
 * bounded by characters. A notebook's cells and a dashboard's queries are run again and
 * again: each plan takes three conversions (parse, render, the check of the rendering),
 * about 2 ms together, which this saves when the text is one seen before.
 */
class Recent {
  private readonly entries = new Map<string, string>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  get(key: string): string | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: string): void {
    const size = key.length + value.length;
    if (size > this.maxChars / 16 || this.entries.has(key)) return;
    this.entries.set(key, value);
    this.chars += size;
    for (const [oldKey, oldValue] of this.entries) {
      if (this.chars <= this.maxChars) break;
      this.entries.delete(oldKey);
      this.chars -= oldKey.length + oldValue.length;
    }
  }
}

const recent = new Recent(8_000_000);

export type ParseOutcome =
  | { ok: true; tree: JsonObject; statements: JsonObject[] }
  /** `position`: a character offset into the parsed text, when DuckDB gave one (the tree's `query_location`s count bytes). */
  | { ok: false; message: string; notSelect: boolean; position?: number };

export async function parseSelect(sql: string): Promise<ParseOutcome> {
  const tree = parseJson(await convert("serialize", sql));
  if (!isObject(tree)) throw new Error("json_serialize_sql gave no object");
  if (tree.error === true) {
    const message = String(tree.error_message ?? "The statement could not be parsed.");
    const position = tree.position === undefined ? undefined : Number(tree.position);
    return { ok: false, message, notSelect: tree.error_type === "not implemented", position };
  }
  const statements = (tree.statements as Json[]).filter(isObject);
  return { ok: true, tree, statements };
}

/** SQL text for a tree as `parseSelect` returned it (one or more statements). */
export async function deparse(tree: JsonObject): Promise<string> {
  return convert("deserialize", stringifyJson(tree));
}

/** The single value of `SELECT <checked expression>` (already deparsed), with parameters. */
export async function evaluateConstant(sql: string, params: ParamValue[]): Promise<unknown> {
  const duck = await parserConnection();
  const reader = await duck.runAndReadAll(sql, params as never);
  return reader.getRows()[0]?.[0];
}

export interface EngineFunction {
  name: string;
  type: string;
  schema: string;
}

export async function engineFunctions(): Promise<EngineFunction[]> {
  const duck = await parserConnection();
  const reader = await duck.runAndReadAll(
    "SELECT DISTINCT function_name, function_type, schema_name FROM duckdb_functions() ORDER BY ALL",
  );
  return reader.getRows().map(([name, type, schema]) => ({ name: String(name), type: String(type), schema: String(schema) }));
}
