/**
 * Rows of tables and views. Both live in `CatalogTable` (views with kind "view") and
 * share one name space per namespace; only live rows (`deletedKey` "") are found.
 */
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TableIdent } from "./identifiers";
import { displayName, namespacePath } from "./names";
import { findNamespace } from "./namespaces";

export type TableRow = NonNullable<Awaited<ReturnType<Db["catalogTable"]["findUnique"]>>>;
type RowReader = Pick<Db, "catalog" | "namespace" | "catalogTable" | "$queryRaw">;

export const VIEW_KIND = "view";

/**
 * The live table or view of this name, or null. Every read of a table starts here (the
 * REST catalog's loadTable most of all), so it is one plain SQL join — a sixth of what
 * the equivalent Prisma query costs. Prisma still types and converts the row.
 */
export async function findObjectRow(db: RowReader, ident: TableIdent): Promise<TableRow | null> {
  const rows = await db.$queryRaw<TableRow[]>`
    SELECT t.* FROM "CatalogTable" t
    JOIN "Namespace" n ON n."id" = t."namespaceId"
    JOIN "Catalog" c ON c."id" = n."catalogId"
    WHERE t."name" = ${ident.name} AND t."deletedKey" = ''
      AND n."path" = ${namespacePath(ident.namespace)} AND n."deletedKey" = ''
      AND c."path" = ${ident.catalog}`;
  return rows[0] ?? null;
}

/** The table's row in one query; on a miss, says whether the namespace or the table is missing. */
export async function findTableRow(db: RowReader, ident: TableIdent): Promise<TableRow> {
  const row = await findObjectRow(db, ident);
  if (row && row.kind !== VIEW_KIND) return row;
  await findNamespace(db, ident);
  throw new AppError("not_found", `Table ${displayName(ident.namespace, ident.name)} does not exist.`);
}

export async function findViewRow(db: RowReader, ident: TableIdent): Promise<TableRow> {
  const row = await findObjectRow(db, ident);
  if (row?.kind === VIEW_KIND) return row;
  await findNamespace(db, ident);
  throw new AppError("not_found", `View ${displayName(ident.namespace, ident.name)} does not exist.`);
}

/** Throws a conflict naming what holds the name (a table or a view) when it is taken. */
export async function assertNameFree(db: Pick<Db, "catalogTable">, namespaceId: string, ident: TableIdent): Promise<void> {
  const taken = await db.catalogTable.findUnique({ where: { namespaceId_name_deletedKey: { namespaceId, name: ident.name, deletedKey: "" } }, select: { kind: true } });
  if (taken) throw nameTaken(ident, taken.kind);
}

export function nameTaken(ident: TableIdent, kind: string): AppError {
  const what = kind === VIEW_KIND ? "View" : "Table";
  return new AppError("conflict", `${what} ${displayName(ident.namespace, ident.name)} already exists.`);
}

/** The conflict to report when a unique key refused our write: says what took the name meanwhile. */
export async function takenMeanwhile(db: RowReader, ident: TableIdent): Promise<AppError> {
  const row = await findObjectRow(db, ident).catch(() => null);
  return nameTaken(ident, row?.kind ?? "table");
}

/** A unique-key violation: the name was taken between our check and our write. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "P2002";
}
