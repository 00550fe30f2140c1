/**
 * Commits between the REST spec's kebab-case JSON and the model.
 *
 * Input is a value from the spec module's `parseJson` (64-bit ids arrive as bigint and
 * stay exact). Anything malformed — an unknown requirement `type` or update `action`,
 * a missing or wrongly typed field — throws `CommitValidationError` whose message
 * names the field (`updates[2].snapshot.summary.operation: missing required field`),
 * ready to go back to the client as a 400.
 */
import type { JsonObject, JsonValue } from "../spec";
import { asString, ObjectReader } from "../spec/json-reader";
import { asCommitValidation } from "./errors";
import { requirementFromJson, requirementToJson } from "./json-requirement";
import { updateFromJson } from "./json-update-read";
import { updateToJson } from "./json-update-write";
import type { CommitTableRequest, TableIdentifier } from "./types";

export { REQUIREMENT_TYPES, requirementFromJson, requirementToJson } from "./json-requirement";
export { UPDATE_ACTIONS, updateFromJson } from "./json-update-read";
export { updateToJson } from "./json-update-write";

/** Parses a REST `CommitTableRequest` body. */
export function commitFromJson(value: JsonValue): CommitTableRequest {
  return asCommitValidation("", () => {
    const reader = ObjectReader.of(value, "");
    const request: CommitTableRequest = {
      requirements: reader.list("requirements", requirementFromJson),
      updates: reader.list("updates", updateFromJson),
    };
    if (reader.has("identifier")) request.identifier = readIdentifier(reader.object("identifier"));
    return request;
  });
}

export function commitToJson(request: CommitTableRequest): JsonObject {
  const out: JsonObject = {};
  if (request.identifier) {
    out.identifier = {
      namespace: [...request.identifier.namespace],
      name: request.identifier.name,
    };
  }
  out.requirements = request.requirements.map(requirementToJson);
  out.updates = request.updates.map(updateToJson);
  return out;
}

function readIdentifier(reader: ObjectReader): TableIdentifier {
  return { namespace: reader.list("namespace", asString), name: reader.string("name") };
}
