/**
 * Owners of catalogs, namespaces, tables and views: a user or group name, shown in the
 * studio and set to the creator on create. Only admins change them (`owner.change`).
 */
import { type Principal, recordAudit, requireAuthorized } from "@/lib/access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findCatalog } from "./catalogs";
import type { Tx } from "./context";
import type { CatalogObjectRef } from "./identifiers";
import { displayName } from "./names";
import { findNamespace } from "./namespaces";
import { findTableRow, findViewRow } from "./table-rows";

export async function setOwner(db: Db, actor: Principal, target: CatalogObjectRef, owner: string): Promise<void> {
  requireAuthorized(actor, "owner.change", target.kind === "catalog" ? { kind: "catalog", catalog: target.catalog } : undefined);
  await checkOwnerExists(db, owner);
  const id = await ownedRowId(db, target);
  await db.$transaction(async (tx) => {
    await writeOwner(tx, target, id, owner);
    await recordAudit(tx, actor, { action: "owner.change", targetType: target.kind, targetId: id, details: { object: describe(target), owner } });
  });
}

async function checkOwnerExists(db: Db, owner: string): Promise<void> {
  if (typeof owner !== "string" || owner.length === 0 || owner.length > 255) throw new AppError("bad_request", "An owner must be the name of a user or a group.");
  const [user, group] = await Promise.all([
    db.user.findUnique({ where: { username: owner.toLowerCase() }, select: { id: true } }),
    db.group.findUnique({ where: { name: owner }, select: { id: true } }),
  ]);
  if (!user && !group) throw new AppError("bad_request", `There is no user or group named "${owner}".`);
}

async function ownedRowId(db: Db, target: CatalogObjectRef): Promise<string> {
  if (target.kind === "catalog") return (await findCatalog(db, target.catalog)).id;
  if (target.kind === "namespace") return (await findNamespace(db, target)).id;
  return (target.kind === "view" ? await findViewRow(db, target) : await findTableRow(db, target)).id;
}

async function writeOwner(tx: Tx, target: CatalogObjectRef, id: string, owner: string): Promise<void> {
  if (target.kind === "catalog") await tx.catalog.update({ where: { id }, data: { owner } });
  else if (target.kind === "namespace") await tx.namespace.update({ where: { id }, data: { owner } });
  else await tx.catalogTable.update({ where: { id }, data: { owner } });
}

function describe(target: CatalogObjectRef): string {
  if (target.kind === "catalog") return `catalog ${target.catalog}`;
  if (target.kind === "namespace") return `namespace ${target.catalog}.${displayName(target.namespace)}`;
  return `${target.kind} ${target.catalog}.${displayName(target.namespace, target.name)}`;
}
