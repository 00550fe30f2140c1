/**
 * Applying a view commit's updates to view metadata, with Java's `ViewMetadata.Builder`
 * semantics (builder.ts). Pure: `base` is never mutated and the caller supplies the
 * clock. When the updates change nothing, `base` itself is returned (`===`), so a
 * catalog can skip the write. `base === null` creates a view from nothing.
 */

import { asCommitValidation } from "../commit/errors";
import type { ViewMetadata } from "../spec";
import { ViewMetadataBuilder } from "./builder";
import type { ViewUpdate } from "./types";

export interface ApplyViewOptions {
  /** Epoch milliseconds: the version-log time of a re-activated version. */
  now: number;
}

export function applyViewUpdates(
  base: ViewMetadata | null,
  updates: readonly ViewUpdate[],
  options: ApplyViewOptions,
): ViewMetadata {
  const builder = new ViewMetadataBuilder(base, options.now);
  updates.forEach((update, i) => {
    builder.path = `updates[${i}]`;
    asCommitValidation(builder.path, () => applyOne(builder, update));
  });
  if (base && builder.changes.length === 0) return base;
  return builder.build();
}

function applyOne(builder: ViewMetadataBuilder, update: ViewUpdate): void {
  switch (update.action) {
    case "assign-uuid":
      builder.assignUuid(update.uuid);
      return;
    case "upgrade-format-version":
      builder.upgradeFormatVersion(update.formatVersion);
      return;
    case "add-schema":
      builder.addSchema(update.schema);
      return;
    case "set-location":
      builder.setLocation(update.location);
      return;
    case "set-properties":
      builder.setProperties(update.updates);
      return;
    case "remove-properties":
      builder.removeProperties(update.removals);
      return;
    case "add-view-version":
      builder.addVersion(update.viewVersion);
      return;
    case "set-current-view-version":
      builder.setCurrentVersionId(update.viewVersionId);
      return;
    default:
      builder.fail(`unknown view update action "${(update as { action: string }).action}"`);
  }
}
