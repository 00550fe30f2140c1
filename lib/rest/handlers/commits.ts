/**
 * Commits: one table (`POST …/tables/{table}`, also the second half of a stage-create,
 * whose `assert-create` makes the table) and several at once (`POST /transactions/commit`).
 * Bodies are read with the commit codecs — an unknown requirement type or update action
 * is a 400 naming it — and handed to lib/catalog as fixed commits: on a lost race the
 * catalog checks the requirements again on the fresh metadata and re-applies the updates.
 */
import { commitTable, commitTables, type TableChange } from "@/lib/catalog";
import { AppError } from "@/lib/errors";
import { type CommitTableRequest, CommitValidationError, commitFromJson } from "@/lib/iceberg/commit";
import { type JsonValue, stringifyJson } from "@/lib/iceberg/spec";
import { committedTableBody } from "../codecs/load-table";
import { badRequest, RestError } from "../errors";
import { jsonTextResponse, noContent } from "../http";
import { plainName } from "../identifiers";
import type { RouteContext } from "../router";
import { tableIdent } from "./tables";

export async function commitTableHandler(route: RouteContext): Promise<Response> {
  const ident = tableIdent(route);
  const request = commitFromJson(route.body());
  if (request.identifier && !sameIdent(request.identifier, ident)) {
    throw badRequest(`The body's identifier ${stringifyJson(request.identifier)} is not the table in the path.`);
  }
  const creates = request.requirements.some((r) => r.type === "assert-create");
  const result = await commitTable(route.ctx, ident, { requirements: request.requirements, updates: request.updates }).catch((error: unknown) => {
    // The commit of a staged create: the name being taken means the table (or a view) exists.
    if (creates && error instanceof AppError && error.code === "conflict") throw new RestError(409, "AlreadyExistsException", error.message);
    throw error;
  });
  const body = committedTableBody(result.metadataLocation, result.metadata);
  return jsonTextResponse(body.bytes, { headers: { etag: body.etag } });
}

export async function commitTransactionHandler(route: RouteContext): Promise<Response> {
  const changes = tableChangesFromJson(route.body()).map((request, i): TableChange => {
    if (!request.identifier) throw badRequest(`table-changes[${i}].identifier: every change of a transaction must name its table.`);
    const ident = { catalog: route.params.catalog, namespace: request.identifier.namespace.map(plainName), name: plainName(request.identifier.name) };
    return { ident, build: { requirements: request.requirements, updates: request.updates } };
  });
  await commitTables(route.ctx, changes);
  return noContent();
}

function tableChangesFromJson(body: JsonValue): CommitTableRequest[] {
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw badRequest("The body must be an object with table-changes.");
  const list = body["table-changes"];
  if (!Array.isArray(list)) throw badRequest("table-changes: must be an array of table commits.");
  if (list.length === 0) throw badRequest("table-changes: a transaction needs at least one table change.");
  return list.map((item, i) => {
    try {
      return commitFromJson(item);
    } catch (error) {
      if (error instanceof CommitValidationError) throw badRequest(`table-changes[${i}]: ${error.message}`);
      throw error;
    }
  });
}

function sameIdent(a: { namespace: string[]; name: string }, b: { namespace: string[]; name: string }): boolean {
  return a.name === b.name && a.namespace.length === b.namespace.length && a.namespace.every((level, i) => level === b.namespace[i]);
}
