/**
 * Building view metadata with the semantics of Java's `ViewMetadata.Builder`, which the
 * reference REST servers apply view commits with:
 * - a schema equal to one the view has (ids, names, types, docs; not the schema id) is
 *   re-used, else it gets the next id;
 * - a version equal to one the view has (summary, SQL, default catalog and namespace,
 *   schema id; not its id or time) is re-used, else it gets the next free id;
 * - `-1` names the schema / version added last in this commit;
 * - setting the current version appends to the version log; `build()` expires versions
 *   beyond `version.history.num-entries` and refuses a replace that loses a dialect.
 *
 * Every change is recorded in `changes` as the REST update a client would send, so a
 * builder run against loaded metadata is also how Tarn makes a commit (see new-view.ts).
 * Where this differs from Java, the method says so.
 */

import { sameSchema } from "../commit/apply-schema";
import { asCommitValidation, CommitValidationError } from "../commit/errors";
import {
  readSchema,
  type Schema,
  type ViewHistoryEntry,
  type ViewMetadata,
  type ViewVersion,
  writeSchema,
} from "../spec";
import { finishView } from "./build";
import { booleanProperty, REPLACE_APPEND_DIALECT_ALLOWED } from "./properties";
import { LAST_ADDED, type ViewUpdate } from "./types";
import { dialectsOf, sameViewVersion } from "./versions";

export const SUPPORTED_VIEW_FORMAT_VERSION = 1;

export class ViewMetadataBuilder {
  readonly changes: ViewUpdate[] = [];
  /** The update being applied, for error messages (`updates[3]`). */
  path = "";
  versions: ViewVersion[];
  schemas: Schema[];
  history: ViewHistoryEntry[];
  properties: Record<string, string>;
  formatVersion: number;
  currentVersionId: number | undefined;
  location: string | undefined;
  uuid: string | undefined;
  historyEntry: ViewHistoryEntry | undefined;
  /** The current version of the base: a replace must keep its dialects. */
  readonly previousVersion: ViewVersion | undefined;
  private lastAddedVersionId: number | undefined;
  private lastAddedSchemaId: number | undefined;

  constructor(
    readonly base: ViewMetadata | null,
    readonly now: number,
  ) {
    this.versions = [...(base?.versions ?? [])];
    this.schemas = [...(base?.schemas ?? [])];
    this.history = [...(base?.versionLog ?? [])];
    this.properties = { ...base?.properties };
    this.formatVersion = base?.formatVersion ?? SUPPORTED_VIEW_FORMAT_VERSION;
    this.currentVersionId = base?.currentVersionId;
    this.location = base?.location;
    this.uuid = base?.viewUuid;
    this.previousVersion = base?.versions.find((v) => v.versionId === base.currentVersionId);
  }

  fail(problem: string): never {
    throw new CommitValidationError(problem, this.path);
  }

  assignUuid(uuid: string): this {
    if (this.uuid !== undefined && this.uuid !== uuid)
      this.fail(`cannot change the view UUID (${this.uuid}) to ${uuid}`);
    if (this.uuid === uuid) return this;
    this.uuid = uuid;
    this.changes.push({ action: "assign-uuid", uuid });
    return this;
  }

  upgradeFormatVersion(formatVersion: number): this {
    if (formatVersion < this.formatVersion)
      this.fail(`cannot downgrade a v${this.formatVersion} view to v${formatVersion}`);
    if (formatVersion > SUPPORTED_VIEW_FORMAT_VERSION)
      this.fail(
        `unsupported view format version ${formatVersion} (supported: ${SUPPORTED_VIEW_FORMAT_VERSION})`,
      );
    if (formatVersion === this.formatVersion) return this;
    this.formatVersion = formatVersion;
    this.changes.push({ action: "upgrade-format-version", formatVersion });
    return this;
  }

  setLocation(location: string): this {
    if (!location) this.fail("a view location cannot be empty");
    if (this.location === location) return this;
    this.location = location;
    this.changes.push({ action: "set-location", location });
    return this;
  }

  setProperties(updates: Record<string, string>): this {
    if (Object.keys(updates).length === 0) return this;
    Object.assign(this.properties, updates);
    this.changes.push({ action: "set-properties", updates: { ...updates } });
    return this;
  }

  removeProperties(removals: string[]): this {
    if (removals.length === 0) return this;
    for (const key of removals) delete this.properties[key];
    this.changes.push({ action: "remove-properties", removals: [...removals] });
    return this;
  }

  addSchema(schema: Schema): this {
    this.addSchemaInternal(schema);
    return this;
  }

  /**
   * Unlike Java, a re-used schema also counts as "last added", so a following version
   * with schema id -1 finds it (the table commits of lib/iceberg/commit do the same).
   */
  private addSchemaInternal(input: Schema): number {
    const schema = asCommitValidation(this.path, () => readSchema(writeSchema(input), "schema"));
    const existing = this.schemas.find((s) => sameSchema(s, schema));
    if (existing) {
      this.lastAddedSchemaId = existing.schemaId;
      return existing.schemaId;
    }
    const schemaId = Math.max(-1, ...this.schemas.map((s) => s.schemaId)) + 1;
    const added = { ...schema, schemaId };
    this.schemas.push(added);
    this.changes.push({ action: "add-schema", schema: added });
    this.lastAddedSchemaId = schemaId;
    return schemaId;
  }

  addVersion(version: ViewVersion): this {
    this.addVersionInternal(version);
    return this;
  }

  private addVersionInternal(input: ViewVersion): number {
    const versionId = this.reuseOrCreateVersionId(input);
    if (this.versions.some((v) => v.versionId === versionId)) {
      this.lastAddedVersionId = this.addedInThisCommit(versionId) ? versionId : undefined;
      return versionId;
    }
    let version: ViewVersion = { ...input, versionId };
    if (version.schemaId === LAST_ADDED) {
      if (this.lastAddedSchemaId === undefined)
        this.fail(
          "the version's schema id is -1 (the last added schema), but no schema was added before it",
        );
      version = { ...version, schemaId: this.lastAddedSchemaId };
    }
    if (!this.schemas.some((s) => s.schemaId === version.schemaId))
      this.fail(`cannot add a version with unknown schema ${version.schemaId}`);
    if (version.representations.length === 0)
      this.fail("a view version needs at least one SQL representation");
    const dialects = version.representations.map((r) => r.dialect.toLowerCase());
    const repeated = dialects.find((d, i) => dialects.indexOf(d) !== i);
    if (repeated !== undefined)
      this.fail(`a view version cannot have more than one SQL for dialect "${repeated}"`);
    this.versions.push(version);
    const recorded =
      version.schemaId === this.lastAddedSchemaId && this.addedSchema(version.schemaId)
        ? { ...version, schemaId: LAST_ADDED }
        : version;
    this.changes.push({ action: "add-view-version", viewVersion: recorded });
    this.lastAddedVersionId = versionId;
    return versionId;
  }

  /** An equal version keeps its id; a new one gets one more than the highest at or above its own. */
  private reuseOrCreateVersionId(version: ViewVersion): number {
    let versionId = version.versionId;
    for (const existing of this.versions) {
      if (sameViewVersion(existing, version)) return existing.versionId;
      if (existing.versionId >= versionId) versionId = existing.versionId + 1;
    }
    return versionId;
  }

  setCurrentVersionId(id: number): this {
    if (id === LAST_ADDED) {
      if (this.lastAddedVersionId === undefined)
        this.fail(
          "-1 means the last added view version, but no version was added before this update",
        );
      return this.setCurrentVersionId(this.lastAddedVersionId);
    }
    if (this.currentVersionId === id) return this;
    const version = this.versions.find((v) => v.versionId === id);
    if (!version) this.fail(`cannot set the current version to unknown version ${id}`);
    this.currentVersionId = id;
    this.changes.push({
      action: "set-current-view-version",
      viewVersionId: id === this.lastAddedVersionId ? LAST_ADDED : id,
    });
    // A version added by this commit is logged at its own time; one re-activated, now.
    const timestampMs = this.addedInThisCommit(id) ? version.timestampMs : this.now;
    this.historyEntry = { versionId: id, timestampMs };
    return this;
  }

  /**
   * Adds the schema and the version and makes it current: what a create or replace
   * does. With `replace.append-dialect.allowed`, SQL of dialects the new version lacks is
   * carried over from the previous version, after its own.
   */
  setCurrentVersion(version: ViewVersion, schema: Schema): this {
    const schemaId = this.addSchemaInternal(schema);
    return this.setCurrentVersionId(
      this.addVersionInternal({ ...this.appendDialects(version), schemaId }),
    );
  }

  private appendDialects(version: ViewVersion): ViewVersion {
    if (!this.previousVersion || !booleanProperty(this.properties, REPLACE_APPEND_DIALECT_ALLOWED))
      return version;
    const replaced = dialectsOf(version);
    const kept = this.previousVersion.representations.filter(
      (r) => !replaced.has(r.dialect.toLowerCase()),
    );
    return { ...version, representations: [...version.representations, ...kept] };
  }

  addedInThisCommit(versionId: number): boolean {
    return this.changes.some(
      (c) => c.action === "add-view-version" && c.viewVersion.versionId === versionId,
    );
  }

  private addedSchema(schemaId: number): boolean {
    return this.changes.some((c) => c.action === "add-schema" && c.schema.schemaId === schemaId);
  }

  /** The metadata, validated; see build.ts for expiry and the dialect check. */
  build(): ViewMetadata {
    return finishView(this);
  }
}
