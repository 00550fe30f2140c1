/**
 * View commits between the REST spec's kebab-case JSON and the model: `ViewRequirement`,
 * `ViewUpdate`, `CommitViewRequest`, `CreateViewRequest`.
 *
 * Input is a value from the spec module's `parseJson`. Anything malformed — an unknown
 * requirement type or update action, a missing or wrongly typed field — throws
 * `CommitValidationError` naming the field (`updates[1].view-version.schema-id: …`),
 * ready to go back to the client as a 400.
 */

import { asCommitValidation, CommitValidationError } from "../commit/errors";
import { type JsonObject, type JsonValue, readSchema, writeSchema } from "../spec";
import { asString, ObjectReader } from "../spec/json-reader";
import { readViewVersion, writeViewVersion } from "../spec/view-metadata-json";
import type {
  CommitViewRequest,
  CreateViewRequest,
  ViewRequirement,
  ViewUpdate,
  ViewUpdateAction,
} from "./types";

type Reader = (r: ObjectReader) => ViewUpdate;

const UPDATE_READERS: Record<ViewUpdateAction, Reader> = {
  "assign-uuid": (r) => ({ action: "assign-uuid", uuid: r.string("uuid") }),
  "upgrade-format-version": (r) => ({
    action: "upgrade-format-version",
    formatVersion: r.int("format-version"),
  }),
  "add-schema": (r) => {
    const update: ViewUpdate = {
      action: "add-schema",
      schema: readSchema(r.required("schema"), r.pathOf("schema")),
    };
    const lastColumnId = r.optionalInt("last-column-id");
    if (lastColumnId !== undefined) update.lastColumnId = lastColumnId;
    return update;
  },
  "set-location": (r) => ({ action: "set-location", location: r.string("location") }),
  "set-properties": (r) => ({ action: "set-properties", updates: r.stringMap("updates") }),
  "remove-properties": (r) => ({
    action: "remove-properties",
    removals: r.list("removals", asString),
  }),
  "add-view-version": (r) => ({
    action: "add-view-version",
    viewVersion: readViewVersion(r.required("view-version"), r.pathOf("view-version")),
  }),
  "set-current-view-version": (r) => ({
    action: "set-current-view-version",
    viewVersionId: r.int("view-version-id"),
  }),
};

export const VIEW_UPDATE_ACTIONS = Object.keys(UPDATE_READERS) as ViewUpdateAction[];
export const VIEW_REQUIREMENT_TYPES = ["assert-view-uuid"] as const;

/** Parses one REST view update; `path` prefixes error messages (`updates[0]`). */
export function viewUpdateFromJson(value: JsonValue, path = ""): ViewUpdate {
  return asCommitValidation("", () => {
    const reader = ObjectReader.of(value, path);
    const action = reader.string("action");
    const read = Object.hasOwn(UPDATE_READERS, action)
      ? UPDATE_READERS[action as ViewUpdateAction]
      : undefined;
    if (!read) {
      throw new CommitValidationError(
        `unknown view update action "${action}" (expected one of ${VIEW_UPDATE_ACTIONS.join(", ")})`,
        reader.pathOf("action"),
      );
    }
    return read(reader);
  });
}

export function viewRequirementFromJson(value: JsonValue, path = ""): ViewRequirement {
  return asCommitValidation("", () => {
    const reader = ObjectReader.of(value, path);
    const type = reader.string("type");
    if (type !== "assert-view-uuid") {
      throw new CommitValidationError(
        `unknown view requirement type "${type}" (expected one of ${VIEW_REQUIREMENT_TYPES.join(", ")})`,
        reader.pathOf("type"),
      );
    }
    return { type, uuid: reader.string("uuid") };
  });
}

/** Parses a REST `CommitViewRequest` body (`requirements` may be absent). */
export function viewCommitFromJson(value: JsonValue): CommitViewRequest {
  return asCommitValidation("", () => {
    const reader = ObjectReader.of(value, "");
    const request: CommitViewRequest = {
      requirements: reader.optionalList("requirements", viewRequirementFromJson) ?? [],
      updates: reader.list("updates", viewUpdateFromJson),
    };
    if (reader.has("identifier")) {
      const identifier = reader.object("identifier");
      request.identifier = {
        namespace: identifier.list("namespace", asString),
        name: identifier.string("name"),
      };
    }
    return request;
  });
}

/** Parses a REST `CreateViewRequest` body. */
export function createViewRequestFromJson(value: JsonValue): CreateViewRequest {
  return asCommitValidation("", () => {
    const reader = ObjectReader.of(value, "");
    const request: CreateViewRequest = {
      name: reader.string("name"),
      schema: readSchema(reader.required("schema"), "schema"),
      viewVersion: readViewVersion(reader.required("view-version"), "view-version"),
      properties: reader.stringMap("properties"),
    };
    const location = reader.optionalString("location");
    if (location !== undefined) request.location = location;
    return request;
  });
}

export function viewRequirementToJson(requirement: ViewRequirement): JsonObject {
  return { type: requirement.type, uuid: requirement.uuid };
}

export function viewUpdateToJson(update: ViewUpdate): JsonObject {
  const action = update.action;
  switch (update.action) {
    case "assign-uuid":
      return { action, uuid: update.uuid };
    case "upgrade-format-version":
      return { action, "format-version": update.formatVersion };
    case "add-schema": {
      const out: JsonObject = { action, schema: writeSchema(update.schema) };
      if (update.lastColumnId !== undefined) out["last-column-id"] = update.lastColumnId;
      return out;
    }
    case "set-location":
      return { action, location: update.location };
    case "set-properties":
      return { action, updates: { ...update.updates } };
    case "remove-properties":
      return { action, removals: [...update.removals] };
    case "add-view-version":
      return { action, "view-version": writeViewVersion(update.viewVersion) };
    case "set-current-view-version":
      return { action, "view-version-id": update.viewVersionId };
  }
}

export function viewCommitToJson(request: CommitViewRequest): JsonObject {
  const out: JsonObject = {};
  if (request.identifier)
    out.identifier = {
      namespace: [...request.identifier.namespace],
      name: request.identifier.name,
    };
  out.requirements = request.requirements.map(viewRequirementToJson);
  out.updates = request.updates.map(viewUpdateToJson);
  return out;
}
