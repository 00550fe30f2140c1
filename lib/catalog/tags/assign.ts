/**
 * Tagging an object KEY=VALUE, and untagging it. One value per key per object: tagging
 * again with another value replaces it. Asks lib/access twice, both with the object:
 * `tag.assign` (tag grants will narrow it) and the object's own properties operation.
 */
import { recordAudit, requireAuthorized } from "@/lib/access";
import { AppError } from "@/lib/errors";
import type { CatalogContext } from "../context";
import { isUniqueViolation } from "../table-rows";
import { parseTarget, type TagTarget } from "./inputs";
import { findTagKey, parseValues } from "./keys";
import { type ResolvedTarget, resolveTarget, targetResource } from "./objects";

export interface AssignedTag {
  key: string;
  value: string;
  /** The value it had before, when the tag replaced one. */
  replaced: string | null;
}

export async function assignTag(
  ctx: CatalogContext,
  rawTarget: TagTarget,
  keyName: string,
  value: string,
): Promise<AssignedTag> {
  const target = await authorizedTarget(ctx, rawTarget);
  const key = await findTagKey(ctx.db, keyName);
  const allowed = parseValues(key.allowedValues);
  // Values are picked from the list; a value typed in another case is the listed one.
  const canonical =
    allowed.find((v) => v === value) ??
    allowed.find((v) => typeof value === "string" && v.toLowerCase() === value.toLowerCase());
  if (canonical === undefined)
    throw new AppError(
      "bad_request",
      `"${String(value).slice(0, 100)}" is not an allowed value of ${key.name} (allowed: ${allowed.join(", ")}).`,
    );
  const where = { objectKey_keyId: { objectKey: target.objectKey, keyId: key.id } };
  try {
    return await ctx.db.$transaction(async (tx) => {
      const before = await tx.tagAssignment.findUnique({ where, select: { value: true } });
      const data = {
        value: canonical,
        valueLower: canonical.toLowerCase(),
        assignedBy: ctx.actor.username,
        assignedAt: new Date(),
      };
      await tx.tagAssignment.upsert({
        where,
        update: { ...data, columnName: target.columnName },
        create: {
          ...data,
          keyId: key.id,
          objectType: target.objectType,
          objectKey: target.objectKey,
          catalogId: target.catalogId,
          namespaceId: target.namespaceId,
          tableId: target.tableId,
          fieldId: target.fieldId,
          columnName: target.columnName,
        },
      });
      await recordAudit(tx, ctx.actor, {
        action: "tag.assign",
        targetType: target.objectType,
        targetId: target.objectKey,
        details: {
          object: target.label,
          key: key.name,
          value: canonical,
          replaced: before?.value ?? null,
        },
      });
      return { key: key.name, value: canonical, replaced: before?.value ?? null };
    });
  } catch (error) {
    // Two people tagging the same object with the same key at once: one wins.
    if (isUniqueViolation(error))
      throw new AppError(
        "conflict",
        `${target.label} was tagged ${key.name} meanwhile; reload and try again.`,
      );
    throw error;
  }
}

export async function unassignTag(
  ctx: CatalogContext,
  rawTarget: TagTarget,
  keyName: string,
): Promise<void> {
  const target = await authorizedTarget(ctx, rawTarget);
  const key = await findTagKey(ctx.db, keyName);
  await ctx.db.$transaction(async (tx) => {
    const gone = await tx.tagAssignment.deleteMany({
      where: { objectKey: target.objectKey, keyId: key.id },
    });
    if (gone.count === 0)
      throw new AppError("not_found", `${capitalized(target.label)} has no ${key.name} tag.`);
    await recordAudit(tx, ctx.actor, {
      action: "tag.unassign",
      targetType: target.objectType,
      targetId: target.objectKey,
      details: { object: target.label, key: key.name },
    });
  });
}

/**
 * Removes one assignment by id, wherever it is: what Admin → Tags offers for each use of
 * a key, including tags left on columns a schema change dropped (no page shows those).
 */
export async function removeTagAssignment(
  ctx: CatalogContext,
  assignmentId: string,
): Promise<void> {
  requireAuthorized(ctx.actor, "tag.define");
  await ctx.db.$transaction(async (tx) => {
    const row =
      typeof assignmentId === "string"
        ? await tx.tagAssignment.findUnique({
            where: { id: assignmentId },
            include: { key: { select: { name: true } } },
          })
        : null;
    if (!row) throw new AppError("not_found", "That tag is no longer there.");
    await tx.tagAssignment.delete({ where: { id: row.id } });
    await recordAudit(tx, ctx.actor, {
      action: "tag.unassign",
      targetType: row.objectType,
      targetId: row.objectKey,
      details: { key: row.key.name, value: row.value, byId: true },
    });
  });
}

/** `tag.assign` first (before anything is looked up), then the object's own operation. */
async function authorizedTarget(ctx: CatalogContext, raw: TagTarget): Promise<ResolvedTarget> {
  const target = parseTarget(raw);
  requireAuthorized(ctx.actor, "tag.assign", targetResource(target));
  const resolved = await resolveTarget(ctx, target);
  requireAuthorized(ctx.actor, resolved.alter, resolved.resource);
  return resolved;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
