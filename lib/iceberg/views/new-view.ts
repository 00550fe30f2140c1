/**
 * A new view's first metadata, and the commit that replaces a view's definition — both
 * as Java's view builders make them (version 1 first; a replacement gets one more than
 * the highest version id, re-using an equal version or schema if the view has one).
 */
import { randomUUID } from "node:crypto";
import type { Schema, SqlViewRepresentation, ViewMetadata, ViewVersion } from "../spec";
import { ViewMetadataBuilder } from "./builder";
import type { ViewCommit } from "./types";

/** What a view is: SQL (one text per dialect) over the schema it produces. */
export interface ViewDefinition {
  schema: Schema;
  representations: SqlViewRepresentation[];
  /** Resolves unqualified table names in the SQL. */
  defaultNamespace: string[];
  defaultCatalog?: string;
  summary?: Record<string, string>;
}

export interface NewViewOptions extends ViewDefinition {
  location: string;
  properties?: Record<string, string>;
  /** Default: a random UUID. */
  uuid?: string;
  /** Default: `Date.now()`. */
  now?: number;
}

export function newViewMetadata(options: NewViewOptions): {
  metadata: ViewMetadata;
  commit: ViewCommit;
} {
  const now = options.now ?? Date.now();
  const builder = new ViewMetadataBuilder(null, now)
    .assignUuid(options.uuid ?? randomUUID())
    .setLocation(options.location.replace(/\/+$/, ""))
    .setProperties(options.properties ?? {})
    .setCurrentVersion(versionOf(options, 1, now), options.schema);
  const metadata = builder.build();
  return { metadata, commit: { requirements: [], updates: builder.changes } };
}

/**
 * The commit that makes `definition` the view's current version (a REST client's
 * "replace view"): properties set, schema and version added unless equal ones exist,
 * the version made current; it asserts the view's UUID.
 */
export function replaceViewCommit(
  base: ViewMetadata,
  definition: ViewDefinition & { properties?: Record<string, string> },
  now = Date.now(),
): ViewCommit {
  const nextId = Math.max(base.currentVersionId, ...base.versions.map((v) => v.versionId)) + 1;
  const builder = new ViewMetadataBuilder(base, now)
    .setProperties(definition.properties ?? {})
    .setCurrentVersion(versionOf(definition, nextId, now), definition.schema);
  builder.build(); // refuses what the catalog would refuse (a lost dialect) before anything is written
  return {
    requirements: [{ type: "assert-view-uuid", uuid: base.viewUuid }],
    updates: builder.changes,
  };
}

function versionOf(definition: ViewDefinition, versionId: number, now: number): ViewVersion {
  const version: ViewVersion = {
    versionId,
    timestampMs: now,
    schemaId: definition.schema.schemaId,
    summary: { ...definition.summary },
    representations: definition.representations.map((r) => ({
      type: "sql",
      sql: r.sql,
      dialect: r.dialect,
    })),
    defaultNamespace: [...definition.defaultNamespace],
  };
  if (definition.defaultCatalog !== undefined) version.defaultCatalog = definition.defaultCatalog;
  return version;
}
