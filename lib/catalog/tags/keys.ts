/**
 * Tag keys: the governed set of KEY=VALUE labels. Admins define them (`tag.define`);
 * everyone who browses reads them, to pick one. A key or a value in use cannot go away:
 * the refusal names where it is used.
 */
import { recordAudit, requireAuthorized } from "@/lib/access";
import type { Db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import type { CatalogContext } from "../context";
import { isUniqueViolation } from "../table-rows";
import {
  type TagKeyChange,
  type TagKeyInput,
  tagKeyChangeSchema,
  tagKeyInputSchema,
  validateAllowedValues,
  validateTagKey,
} from "./inputs";
import { findUsages, listedUsages, type TagUsage } from "./usage";

export interface TagKeyInfo {
  id: string;
  name: string;
  description: string | null;
  allowedValues: string[];
  createdBy: string;
  createdAt: Date;
  /** Objects tagged with this key (objects in the trash included). */
  usageCount: number;
}

/** How many uses a refusal names before "and N more". */
const NAMED_IN_REFUSALS = 5;

type KeyRow = NonNullable<Awaited<ReturnType<Db["tagKey"]["findUnique"]>>>;

export async function defineTagKey(ctx: CatalogContext, input: TagKeyInput): Promise<TagKeyInfo> {
  requireAuthorized(ctx.actor, "tag.define");
  const parsed = parseInput(tagKeyInputSchema, input);
  const name = validateTagKey(parsed.name);
  const allowedValues = validateAllowedValues(parsed.allowedValues);
  const description = parsed.description?.trim() || null;
  try {
    return await ctx.db.$transaction(async (tx) => {
      const row = await tx.tagKey.create({
        data: {
          name,
          nameLower: name.toLowerCase(),
          description,
          allowedValues: JSON.stringify(allowedValues),
          createdBy: ctx.actor.username,
        },
      });
      await recordAudit(tx, ctx.actor, {
        action: "tag.define",
        targetType: "tagKey",
        targetId: row.id,
        details: { key: name, allowedValues },
      });
      return toInfo(row, 0);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("conflict", `A tag key named "${name}" already exists.`, {
        fieldErrors: { name: ["This key already exists."] },
      });
    throw error;
  }
}

/** Changes a key's description or its allowed values (the new list, whole). */
export async function updateTagKey(
  ctx: CatalogContext,
  keyName: string,
  change: TagKeyChange,
): Promise<TagKeyInfo> {
  requireAuthorized(ctx.actor, "tag.define");
  const parsed = parseInput(tagKeyChangeSchema, change);
  const allowedValues = parsed.allowedValues
    ? validateAllowedValues(parsed.allowedValues)
    : undefined;
  return ctx.db.$transaction(async (tx) => {
    const row = await findTagKey(tx, keyName);
    const before = parseValues(row.allowedValues);
    const removed = allowedValues ? before.filter((v) => !allowedValues.includes(v)) : [];
    if (removed.length) {
      const { usages, total } = await findUsages(
        tx,
        { keyId: row.id, value: { in: removed } },
        NAMED_IN_REFUSALS,
      );
      if (total) {
        const values = [...new Set(usages.map((u) => `${row.name}=${u.value}`))].join(", ");
        throw new AppError(
          "conflict",
          `${values} is still used on ${listedUsages(usages, total)}; remove those tags first.`,
        );
      }
    }
    const description =
      parsed.description === undefined ? row.description : parsed.description?.trim() || null;
    const updated = await tx.tagKey.update({
      where: { id: row.id },
      data: {
        description,
        ...(allowedValues ? { allowedValues: JSON.stringify(allowedValues) } : {}),
      },
    });
    const added = allowedValues ? allowedValues.filter((v) => !before.includes(v)) : [];
    await recordAudit(tx, ctx.actor, {
      action: "tag.update",
      targetType: "tagKey",
      targetId: row.id,
      details: { key: row.name, added, removed, description: parsed.description !== undefined },
    });
    return toInfo(updated, await tx.tagAssignment.count({ where: { keyId: row.id } }));
  });
}

export async function deleteTagKey(ctx: CatalogContext, keyName: string): Promise<void> {
  requireAuthorized(ctx.actor, "tag.define");
  await ctx.db.$transaction(async (tx) => {
    const row = await findTagKey(tx, keyName);
    const { usages, total } = await findUsages(tx, { keyId: row.id }, NAMED_IN_REFUSALS);
    if (total)
      throw new AppError(
        "conflict",
        `Tag key ${row.name} is used on ${listedUsages(usages, total)}; remove those tags first.`,
      );
    await tx.tagKey.delete({ where: { id: row.id } });
    await recordAudit(tx, ctx.actor, {
      action: "tag.delete",
      targetType: "tagKey",
      targetId: row.id,
      details: { key: row.name },
    });
  });
}

export async function listTagKeys(ctx: CatalogContext): Promise<TagKeyInfo[]> {
  requireAuthorized(ctx.actor, "catalog.browse");
  const [rows, counts] = await Promise.all([
    ctx.db.tagKey.findMany({ orderBy: { nameLower: "asc" } }),
    ctx.db.tagAssignment.groupBy({ by: ["keyId"], _count: { _all: true } }),
  ]);
  const used = new Map(counts.map((c) => [c.keyId, c._count._all]));
  return rows.map((row) => toInfo(row, used.get(row.id) ?? 0));
}

export async function getTagKey(ctx: CatalogContext, keyName: string): Promise<TagKeyInfo> {
  requireAuthorized(ctx.actor, "catalog.browse");
  const row = await findTagKey(ctx.db, keyName);
  return toInfo(row, await ctx.db.tagAssignment.count({ where: { keyId: row.id } }));
}

/** Where a key is used, oldest first: what the Tags admin page shows. */
export async function tagKeyUsage(
  ctx: CatalogContext,
  keyName: string,
  opts: { limit?: number } = {},
): Promise<{ usages: TagUsage[]; total: number }> {
  requireAuthorized(ctx.actor, "tag.define");
  const row = await findTagKey(ctx.db, keyName);
  return findUsages(ctx.db, { keyId: row.id }, Math.max(1, Math.min(opts.limit ?? 200, 1000)));
}

/** The key of this name, ignoring case. */
export async function findTagKey(db: Pick<Db, "tagKey">, keyName: string): Promise<KeyRow> {
  const row =
    typeof keyName === "string"
      ? await db.tagKey.findUnique({ where: { nameLower: keyName.toLowerCase() } })
      : null;
  if (!row)
    throw new AppError(
      "not_found",
      `There is no tag key named "${String(keyName).slice(0, 100)}".`,
    );
  return row;
}

export function parseValues(text: string): string[] {
  const values = JSON.parse(text) as unknown;
  return Array.isArray(values) ? values.filter((v): v is string => typeof v === "string") : [];
}

function toInfo(row: KeyRow, usageCount: number): TagKeyInfo {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    allowedValues: parseValues(row.allowedValues),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    usageCount,
  };
}
