/**
 * Finishing a view build, as Java's `ViewMetadata.Builder.build()`: the version log gets
 * the new current version, a replace may not lose a dialect, and versions beyond
 * `version.history.num-entries` expire (the current one and those added by this commit
 * always stay; the log is cut before any version it no longer knows).
 */
import { randomUUID } from "node:crypto";
import { asCommitValidation } from "../commit/errors";
import {
  type ViewHistoryEntry,
  type ViewMetadata,
  type ViewVersion,
  validateViewMetadata,
} from "../spec";
import type { ViewMetadataBuilder } from "./builder";
import {
  booleanProperty,
  intProperty,
  REPLACE_APPEND_DIALECT_ALLOWED,
  REPLACE_DROP_DIALECT_ALLOWED,
  VERSION_HISTORY_SIZE,
  VERSION_HISTORY_SIZE_DEFAULT,
} from "./properties";
import { dialectsOf } from "./versions";

export function finishView(b: ViewMetadataBuilder): ViewMetadata {
  b.path = "";
  if (!b.location) b.fail("a view needs a location");
  if (b.versions.length === 0 || b.currentVersionId === undefined)
    b.fail("a view needs a current version");
  const current = b.versions.find((v) => v.versionId === b.currentVersionId) as ViewVersion;
  const history = b.historyEntry ? [...b.history, b.historyEntry] : b.history;
  checkDialects(b, current);
  const keep = versionsToKeep(b);
  const expire = b.versions.length > keep;
  const versions = expire ? expireVersions(b.versions, keep, current) : b.versions;
  const view: ViewMetadata = {
    formatVersion: 1,
    viewUuid: b.uuid ?? randomUUID(),
    location: b.location,
    schemas: b.schemas,
    currentVersionId: current.versionId,
    versions,
    versionLog: expire
      ? retainedHistory(history, new Set(versions.map((v) => v.versionId)))
      : history,
    properties: b.properties,
  };
  asCommitValidation("", () => validateViewMetadata(view));
  return view;
}

function checkDialects(b: ViewMetadataBuilder, current: ViewVersion): void {
  const dropAllowed = booleanProperty(b.properties, REPLACE_DROP_DIALECT_ALLOWED);
  if (dropAllowed && booleanProperty(b.properties, REPLACE_APPEND_DIALECT_ALLOWED)) {
    b.fail(
      `${REPLACE_DROP_DIALECT_ALLOWED} and ${REPLACE_APPEND_DIALECT_ALLOWED} cannot both be true`,
    );
  }
  if (!b.previousVersion || dropAllowed) return;
  const before = dialectsOf(b.previousVersion);
  const after = dialectsOf(current);
  const lost = [...before].filter((d) => !after.has(d));
  if (lost.length > 0) {
    b.fail(
      `the new version drops the SQL for ${lost.join(", ")}, which the previous version had; give it SQL for every dialect, or set ${REPLACE_DROP_DIALECT_ALLOWED}=true`,
    );
  }
}

function versionsToKeep(b: ViewMetadataBuilder): number {
  const historySize = intProperty(b.properties, VERSION_HISTORY_SIZE, VERSION_HISTORY_SIZE_DEFAULT);
  if (!(historySize > 0))
    b.fail(
      `${VERSION_HISTORY_SIZE} must be a positive whole number, not "${b.properties[VERSION_HISTORY_SIZE]}"`,
    );
  const mustKeep = new Set<number>([b.currentVersionId as number]);
  for (const change of b.changes)
    if (change.action === "add-view-version") mustKeep.add(change.viewVersion.versionId);
  return Math.max(mustKeep.size, historySize);
}

/** The current version first, then the newest others by id, `keep` in all (Java's order). */
function expireVersions(
  versions: ViewVersion[],
  keep: number,
  current: ViewVersion,
): ViewVersion[] {
  const newestFirst = [...versions].sort((a, b) => b.versionId - a.versionId).slice(0, keep);
  const retained = [current];
  for (const version of newestFirst) {
    if (retained.length === keep) break;
    if (version.versionId !== current.versionId) retained.push(version);
  }
  return retained;
}

/** The log after its last entry for an expired version. */
function retainedHistory(
  history: ViewHistoryEntry[],
  retainedIds: Set<number>,
): ViewHistoryEntry[] {
  const kept: ViewHistoryEntry[] = [];
  for (const entry of history) {
    if (retainedIds.has(entry.versionId)) kept.push(entry);
    else kept.length = 0;
  }
  return kept;
}
