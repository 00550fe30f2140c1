import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TableIdent } from "./identifiers";
import { displayName } from "./names";
import { findNamespace } from "./namespaces";

export type TableRow = NonNullable<Awaited<ReturnType<Db["catalogTable"]["findUnique"]>>>;

export async function findTableRow(db: Pick<Db, "catalog" | "namespace" | "catalogTable">, ident: TableIdent): Promise<TableRow> {
  const namespace = await findNamespace(db, ident);
  const row = await db.catalogTable.findUnique({ where: { namespaceId_name: { namespaceId: namespace.id, name: ident.name } } });
  if (!row) throw new AppError("not_found", `Table ${displayName(ident.namespace, ident.name)} does not exist.`);
  return row;
}
