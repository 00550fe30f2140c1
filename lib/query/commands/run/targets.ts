/**
 * Names in commands resolve exactly as plan resolves them in queries (plan/resolve.ts):
 * `catalog.namespace….name`, `namespace.name`, `name` against the session; exact names
 * first, then a unique case-insensitive match; a miss names the closest matches, among
 * what the person may see. New objects get the catalog and namespace their qualifier
 * means; existing ones must also be of the kind the statement works on.
 */
import { type NamespaceIdent, namespaceLevels, type TableIdent } from "@/lib/catalog";
import { PlanError } from "../../plan/plan-error";
import { type Resolved, resolveNamespace, resolveTable } from "../../plan/resolve";
import { fullName } from "../names";
import type { QualifiedName } from "../parse";
import type { PreparedCommand } from "../../types";
import { type CommandEnv, command } from "./context";

/** Where a table or view that does not exist yet goes. */
export async function newObject(env: CommandEnv, name: QualifiedName): Promise<TableIdent> {
  const object = name.parts[name.parts.length - 1];
  const { catalog, namespace } = await resolveNamespace(env.ctx, name.parts.slice(0, -1), name.start, object);
  return { catalog: catalog.path, namespace, name: object };
}

/** A schema (namespace) by name: `namespace…` in the session's catalog, or `catalog.namespace…`. */
export async function namespaceNamed(env: CommandEnv, name: QualifiedName): Promise<NamespaceIdent> {
  const { catalog, namespace } = await resolveNamespace(env.ctx, name.parts, name.start);
  return { catalog: catalog.path, namespace };
}

type Kind = Resolved["kind"];

const KIND_NAMES: Record<Kind, string> = { iceberg: "a table", view: "a view", external: "an external table", metadata: "a metadata table", federated: "a table of a federated catalog", information: "part of Tarn's information_schema, which is read only" };

/**
 * An existing object of one of `kinds`; `missingOk` (IF EXISTS): undefined when there is
 * none. `instead` says what to do when it is of another kind.
 */
export async function existingObject(env: CommandEnv, name: QualifiedName, kinds: Kind[], instead: string, missingOk = false): Promise<TableIdent | undefined> {
  let resolved: Resolved;
  try {
    resolved = await resolveTable(env.ctx, name.parts, name.start);
  } catch (error) {
    if (missingOk && error instanceof PlanError && / does not exist/.test(error.message)) return undefined;
    throw error;
  }
  const ident = await canonical(env, resolved);
  if (!kinds.includes(resolved.kind)) throw new PlanError(`${fullName(ident)} is ${KIND_NAMES[resolved.kind]}; ${instead}`, name.start);
  return ident;
}

/** The name as the catalog spells it: a case-insensitive match keeps the namespace as typed. */
async function canonical(env: CommandEnv, resolved: Resolved): Promise<TableIdent> {
  if (!("row" in resolved)) return resolved.ident;
  const row = await env.ctx.db.catalogTable.findUnique({ where: { id: resolved.row.id }, select: { namespace: { select: { path: true } } } });
  return row ? { ...resolved.ident, namespace: namespaceLevels(row.namespace.path) } : resolved.ident;
}

/** An Iceberg table whose rows or definition the statement changes. */
export async function writableTable(env: CommandEnv, name: QualifiedName): Promise<TableIdent> {
  return (await existingObject(env, name, ["iceberg"], "only Iceberg tables of the catalog can be changed here.")) as TableIdent;
}

/** A no-op for IF EXISTS on something missing: "lake.db.t does not exist; nothing dropped." */
export async function missing(env: CommandEnv, name: QualifiedName, describe: string, nothing: string): Promise<PreparedCommand> {
  const shown = await newObject(env, name).then(fullName, () => name.parts.join("."));
  return command(`${describe} ${shown}`, {}, async () => ({ message: `${shown} does not exist; nothing ${nothing}.`, rowsAffected: 0 }));
}
