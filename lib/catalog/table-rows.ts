import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TableIdent } from "./identifiers";
import { displayName, namespacePath } from "./names";
import { findNamespace } from "./namespaces";

export type TableRow = NonNullable<Awaited<ReturnType<Db["catalogTable"]["findUnique"]>>>;

/** The table's row in one query; on a miss, says whether the namespace or the table is missing. */
export async function findTableRow(db: Pick<Db, "catalog" | "namespace" | "catalogTable">, ident: TableIdent): Promise<TableRow> {
  const row = await db.catalogTable.findFirst({
    where: { name: ident.name, deletedKey: "", namespace: { path: namespacePath(ident.namespace), deletedKey: "", catalog: { path: ident.catalog } } },
  });
  if (row) return row;
  await findNamespace(db, ident);
  throw new AppError("not_found", `Table ${displayName(ident.namespace, ident.name)} does not exist.`);
}
