/**
 * A view commit, in the shape of the Iceberg REST `CommitViewRequest`: requirements the
 * current view metadata must meet, and updates that produce the next metadata.
 * camelCase here; `json.ts` maps to and from the spec's kebab-case JSON.
 */
import type { Schema, ViewVersion } from "../spec";

export type ViewRequirement = { type: "assert-view-uuid"; uuid: string };

/** -1 in `set-current-view-version`, and as a version's `schemaId`: the one added last in this commit. */
export const LAST_ADDED = -1;

export type ViewUpdate =
  | { action: "assign-uuid"; uuid: string }
  | { action: "upgrade-format-version"; formatVersion: number }
  /** `lastColumnId` is deprecated in the spec; accepted and ignored. */
  | { action: "add-schema"; schema: Schema; lastColumnId?: number }
  | { action: "set-location"; location: string }
  | { action: "set-properties"; updates: Record<string, string> }
  | { action: "remove-properties"; removals: string[] }
  | { action: "add-view-version"; viewVersion: ViewVersion }
  | { action: "set-current-view-version"; viewVersionId: number };

export type ViewUpdateAction = ViewUpdate["action"];
export type ViewRequirementType = ViewRequirement["type"];

export interface ViewCommit {
  requirements: ViewRequirement[];
  updates: ViewUpdate[];
}

/** A REST `CommitViewRequest`: a commit, with the view it is for when the body names it. */
export interface CommitViewRequest extends ViewCommit {
  identifier?: { namespace: string[]; name: string };
}

/** A REST `CreateViewRequest`. The version's schema id is replaced by the id the schema gets. */
export interface CreateViewRequest {
  name: string;
  location?: string;
  schema: Schema;
  viewVersion: ViewVersion;
  properties: Record<string, string>;
}
