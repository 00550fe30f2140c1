/**
 * An object's tags: its own, and its effective ones — inherited down the tree catalog
 * (parent catalogs first) → namespace (parent namespaces first) → table or view → column,
 * where a nearer assignment of a key overrides a farther one.
 */
import { requireAuthorized } from "@/lib/access";
import { AppError } from "@/lib/errors";
import type { CatalogContext } from "../context";
import type { TableIdent } from "../identifiers";
import { displayName, namespacePath } from "../names";
import { findNamespace } from "../namespaces";
import { findCatalog } from "../catalogs";
import { findObjectRow } from "../table-rows";
import { parseTarget, type TagTarget } from "./inputs";
import { resolveTarget, type TagObjectType } from "./objects";

export interface TagSource {
  kind: TagObjectType | "view";
  /** "lake", "lake.sales", "lake.sales.orders", "lake.sales.orders.email". */
  label: string;
}

export interface ObjectTag {
  key: string;
  value: string;
  assignedBy: string;
  assignedAt: Date;
}

export interface EffectiveTag extends ObjectTag {
  /** Where the winning assignment is. */
  from: TagSource;
  /** False when the tag is on the object itself. */
  inherited: boolean;
}

interface Level {
  objectKey: string;
  from: TagSource;
}

export async function objectTags(ctx: CatalogContext, raw: TagTarget): Promise<ObjectTag[]> {
  const target = parseTarget(raw);
  requireRead(ctx, target);
  const resolved = await resolveTarget(ctx, target);
  const rows = await ctx.db.tagAssignment.findMany({
    where: { objectKey: resolved.objectKey },
    include: { key: { select: { name: true } } },
  });
  return rows.map(toTag).sort(byKey);
}

export async function effectiveTags(ctx: CatalogContext, raw: TagTarget): Promise<EffectiveTag[]> {
  const target = parseTarget(raw);
  requireRead(ctx, target);
  const levels = await levelsOf(ctx, target);
  const rows = await ctx.db.tagAssignment.findMany({
    where: { objectKey: { in: levels.map((l) => l.objectKey) } },
    include: { key: { select: { name: true } } },
  });
  const byObject = new Map<string, typeof rows>();
  for (const row of rows)
    byObject.set(row.objectKey, [...(byObject.get(row.objectKey) ?? []), row]);
  const winners = new Map<string, EffectiveTag>();
  const own = levels[levels.length - 1].objectKey;
  for (const level of levels) {
    for (const row of byObject.get(level.objectKey) ?? [])
      winners.set(row.keyId, {
        ...toTag(row),
        from: level.from,
        inherited: level.objectKey !== own,
      });
  }
  return [...winners.values()].sort(byKey);
}

export interface ColumnTag extends ObjectTag {
  fieldId: number | null;
  column: string | null;
}

/** Tags on the columns of a table or view, for its Schema tab (match them by field id, else by name). */
export async function columnTags(ctx: CatalogContext, ident: TableIdent): Promise<ColumnTag[]> {
  const target = parseTarget({ kind: "table", ...ident });
  requireRead(ctx, target);
  // Tables and views alike: their columns are tagged the same way.
  const row = await findObjectRow(ctx.db, ident);
  if (!row)
    throw new AppError(
      "not_found",
      `Table ${displayName(ident.namespace, ident.name)} does not exist.`,
    );
  const rows = await ctx.db.tagAssignment.findMany({
    where: { tableId: row.id, objectType: "column" },
    include: { key: { select: { name: true } } },
  });
  return rows.map((r) => ({ ...toTag(r), fieldId: r.fieldId, column: r.columnName })).sort(byKey);
}

/** The object and everything above it, farthest first. */
async function levelsOf(ctx: CatalogContext, target: TagTarget): Promise<Level[]> {
  const catalog = await findCatalog(ctx.db, target.catalog);
  const catalogs = [catalog];
  for (let parentId = catalog.parentId; parentId; ) {
    const parent = await ctx.db.catalog.findUnique({ where: { id: parentId } });
    if (!parent) break;
    catalogs.unshift(parent);
    parentId = parent.parentId;
  }
  const levels: Level[] = catalogs.map((c) => ({
    objectKey: `catalog:${c.id}`,
    from: { kind: "catalog", label: c.path },
  }));
  if (target.kind === "catalog") return levels;
  await findNamespace(ctx.db, target);
  const prefixes = target.namespace.map((_, i) => namespacePath(target.namespace.slice(0, i + 1)));
  const namespaces = await ctx.db.namespace.findMany({
    where: { catalogId: catalog.id, deletedKey: "", path: { in: prefixes } },
    select: { id: true, path: true },
  });
  namespaces.sort((a, b) => a.path.length - b.path.length);
  for (const ns of namespaces) {
    const depth = prefixes.indexOf(ns.path) + 1;
    levels.push({
      objectKey: `namespace:${ns.id}`,
      from: {
        kind: "namespace",
        label: `${catalog.path}.${displayName(target.namespace.slice(0, depth))}`,
      },
    });
  }
  if (target.kind === "namespace") return levels;
  const resolved = await resolveTarget(ctx, target);
  const object = `${catalog.path}.${displayName(target.namespace, target.name)}`;
  const tableKind = resolved.alter === "view.alter" ? "view" : "table";
  levels.push({ objectKey: `table:${resolved.tableId}`, from: { kind: tableKind, label: object } });
  if (resolved.objectType === "column")
    levels.push({
      objectKey: resolved.objectKey,
      from: { kind: "column", label: `${object}.${resolved.columnName}` },
    });
  return levels;
}

function requireRead(ctx: CatalogContext, target: TagTarget): void {
  if (target.kind === "catalog" || target.kind === "namespace") {
    requireAuthorized(ctx.actor, "catalog.browse");
    return;
  }
  const resource = {
    kind: "table" as const,
    catalog: target.catalog,
    namespace: target.namespace,
    table: target.name,
  };
  requireAuthorized(ctx.actor, target.kind === "view" ? "view.read" : "table.read", resource);
}

function toTag(row: {
  key: { name: string };
  value: string;
  assignedBy: string;
  assignedAt: Date;
}): ObjectTag {
  return {
    key: row.key.name,
    value: row.value,
    assignedBy: row.assignedBy,
    assignedAt: row.assignedAt,
  };
}

function byKey(a: { key: string }, b: { key: string }): number {
  return a.key.toLowerCase() < b.key.toLowerCase()
    ? -1
    : a.key.toLowerCase() > b.key.toLowerCase()
      ? 1
      : 0;
}
