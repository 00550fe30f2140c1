/**
 * `AT (VERSION => 123)`, `AT (VERSION => 'tag-or-branch')` (also written `AT (TAG => …)`
 * or `AT (BRANCH => …)`, see prepare-text.ts) and `AT (TIMESTAMP => <expression>)` → the
 * snapshot the scan reads. The expression was checked like any (walk.ts) and is evaluated
 * on the parser's own table-free instance; times without a zone are UTC.
 */
import type { SnapshotSelector } from "@/lib/iceberg/scan";
import { deparse, evaluateConstant, parseSelect } from "./duck-parser";
import { isObject, type JsonObject, RawNumber, stringifyJson } from "./json";
import { bindValues } from "./params";
import { PlanError } from "./plan-error";
import type { QueryContext } from "../types";

export async function snapshotSelector(at: JsonObject, params: QueryContext["params"], position?: number): Promise<SnapshotSelector> {
  const unit = String(at.unit).toUpperCase();
  const given = at.expr;
  if (!isObject(given)) throw new PlanError("AT (…) needs a value.", position);
  const expr = given.class === "PARAMETER" ? parameterConstant(String(given.identifier), params, unit, position) : given;
  if (unit === "VERSION") return version(expr, position);
  if (unit === "TIMESTAMP") return { type: "as-of", timestampMs: await timestampMs(expr, position) };
  throw new PlanError(`AT (${unit} => …) is not a kind of time travel; use VERSION, TIMESTAMP, TAG or BRANCH.`, position);
}

/** `AT (VERSION => :v)`, `AT (TIMESTAMP => :t)`: the bound value, as the constant it stands for. */
function parameterConstant(name: string, params: QueryContext["params"], unit: string, position?: number): JsonObject {
  const [value] = bindValues([name], params);
  if (value === null) throw new PlanError(`AT (${unit} => :${name}) needs a value, not NULL.`, position);
  const id = typeof value === "string" ? "VARCHAR" : "BIGINT";
  const constant: JsonObject = { class: "CONSTANT", type: "VALUE_CONSTANT", alias: "", query_location: new RawNumber("18446744073709551615"), value: { type: { id, type_info: null }, is_null: false, value: typeof value === "string" ? value : new RawNumber(String(value)) } };
  return constant;
}

function version(expr: JsonObject, position?: number): SnapshotSelector {
  const value = isObject(expr.value) ? expr.value.value : undefined;
  if (expr.class !== "CONSTANT" || value === undefined || value === null)
    throw new PlanError("AT (VERSION => …) takes a snapshot id, or a tag or branch name in quotes.", position);
  const text = value instanceof RawNumber ? value.text : String(value);
  if (/^[0-9]+$/.test(text)) return { type: "snapshot-id", snapshotId: BigInt(text) };
  if (typeof value === "string") return { type: "ref", name: value };
  throw new PlanError("AT (VERSION => …) takes a snapshot id, or a tag or branch name in quotes.", position);
}

async function timestampMs(expr: JsonObject, position?: number): Promise<number> {
  if (stringifyJson(expr).includes('"class":"SUBQUERY"')) throw new PlanError("AT (TIMESTAMP => …) takes a time, not a query.", position);
  const template = await parseSelect("SELECT NULL");
  if (!template.ok) throw new Error("cannot parse a template");
  const node = template.statements[0].node as JsonObject;
  node.select_list = [expr];
  const sql = await deparse(template.tree);
  let value: unknown;
  try {
    value = await evaluateConstant(`SELECT epoch_ms(CAST((${sql}) AS TIMESTAMPTZ))`, []);
  } catch (error) {
    throw new PlanError(`AT (TIMESTAMP => …) needs a time: ${firstLine(error)}`, position);
  }
  if (value === null || value === undefined) throw new PlanError("AT (TIMESTAMP => …) needs a time, not NULL.", position);
  return Number(value);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0];
}
