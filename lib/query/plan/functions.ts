/**
 * Which functions user SQL may call. Scalar, aggregate and window functions and macros
 * come from DuckDB's own list (`duckdb_functions()`, schema main) — an allow-list, so a
 * function a later DuckDB adds is checked here before anyone can call it — minus those
 * that reveal the engine's state or our rewritten SQL. Table functions are allowed only
 * by name: the ones that make rows out of values, never ones that read files, the
 * network or DuckDB's catalog.
 */
import { engineFunctions } from "./duck-parser";
import { refused } from "./plan-error";

/** Table functions that only compute rows from their arguments. */
const TABLE_FUNCTIONS = new Set(["range", "generate_series", "unnest", "json_each", "json_tree", "repeat", "repeat_row"]);

/** Scalar functions DuckDB has that user SQL may not call, and why. */
const DENIED: Record<string, string> = {
  current_setting: "it reads the engine's settings",
  current_query: "it shows the SQL the engine runs, not yours",
  current_query_id: "it reveals the engine's state",
  current_connection_id: "it reveals the engine's state",
  current_transaction_id: "it reveals the engine's state",
  getenv: "it reads the server's environment",
  getvariable: "it reads the engine's variables",
  nextval: "sequences are not part of Tarn's SQL",
  currval: "sequences are not part of Tarn's SQL",
  pg_sleep: "it only holds a query slot",
  json_serialize_sql: "it is the planner's tool",
  json_deserialize_sql: "it is the planner's tool",
  json_serialize_plan: "it is the planner's tool",
  pg_get_viewdef: "it reads DuckDB's catalog",
  pg_get_expr: "it reads DuckDB's catalog",
  pg_get_constraintdef: "it reads DuckDB's catalog",
  pg_postmaster_start_time: "it reveals the engine's state",
  pg_conf_load_time: "it reveals the engine's state",
  in_search_path: "it reads DuckDB's catalog",
  which_secret: "it reads the engine's secrets",
  write_log: "it writes to the engine's log",
};

const TABLE_FUNCTION_REASONS: [RegExp, string][] = [
  [/^(read_|parquet_|sniff_csv$|glob$|iceberg_|delta_|arrow_scan|seq_scan)/, "it reads files; query tables of the catalog instead"],
  [/^(query|query_table|json_execute_serialized_sql)$/, "it runs SQL that the planner has not checked"],
  [/^(duckdb_|pragma_|pg_|sql_auto_complete|summary|which_secret)/, "it reads DuckDB's own catalog or settings, not Tarn's"],
  [/^(checkpoint|force_checkpoint|enable_|disable_|truncate_duckdb_logs)/, "it changes the engine"],
];

let allowed: Promise<Set<string>> | undefined;

async function allowedFunctions(): Promise<Set<string>> {
  allowed ??= engineFunctions().then((functions) => {
    const names = new Set<string>();
    for (const f of functions) {
      if (f.schema !== "main") continue;
      if (!["scalar", "aggregate", "macro"].includes(f.type)) continue;
      if (f.name.startsWith("duckdb_") || Object.hasOwn(DENIED, f.name)) continue;
      names.add(f.name);
    }
    // pg_catalog's harmless ones that people use.
    for (const n of ["pg_typeof", "pg_size_pretty", "format_type"]) names.add(n);
    return names;
  });
  return allowed;
}

let aggregates: Promise<Set<string>> | undefined;

/** Names of DuckDB's aggregate functions (a LIMIT cannot be pushed past them). */
export function aggregateFunctions(): Promise<Set<string>> {
  aggregates ??= engineFunctions().then((all) => new Set(all.filter((f) => f.type === "aggregate").map((f) => f.name.toLowerCase())));
  return aggregates;
}

/** Throws a refusal naming the function unless user SQL may call it. */
export async function checkFunction(name: string, schema: string, catalog: string, position?: number): Promise<void> {
  const lowered = name.toLowerCase();
  if (catalog || (schema && !["main", "pg_catalog"].includes(schema.toLowerCase())))
    throw refused(`The function ${[catalog, schema, name].filter(Boolean).join(".")}`, "functions are called by their plain names", position);
  const denied = DENIED[lowered];
  if (denied) throw refused(`The function ${name}()`, denied, position);
  if (!(await allowedFunctions()).has(lowered)) {
    if (lowered.startsWith("duckdb_")) throw refused(`The function ${name}()`, "it reads DuckDB's own catalog, not Tarn's", position);
    throw refused(`The function ${name}()`, "it is not one of DuckDB's built-in functions that Tarn runs", position);
  }
}

export function checkTableFunction(name: string, schema: string, catalog: string, position?: number): void {
  const lowered = name.toLowerCase();
  if (!catalog && !schema && TABLE_FUNCTIONS.has(lowered)) return;
  const reason = TABLE_FUNCTION_REASONS.find(([re]) => re.test(lowered))?.[1] ?? "only range, generate_series, unnest and json_each/json_tree are table functions Tarn runs";
  throw refused(`The table function ${name}()`, reason, position);
}
