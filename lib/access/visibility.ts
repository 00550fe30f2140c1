/**
 * What a principal may see in the catalog, as Prisma `where` filters — the single place
 * where grants will narrow listings. Tree, search, autocomplete and system tables AND
 * these into their queries instead of checking item by item (STYLE.md, practice 8), so
 * a page of 100 rows costs one query whatever the grants, and nothing hidden is counted.
 *
 *   const visible = catalogVisibility(principal);
 *   db.catalogTable.findMany({ where: { AND: [visible.table, { namespaceId }] } });
 *
 * Today every signed-in principal may browse everything (`catalog.browse` is granted to
 * every role); nobody signed in sees nothing. When grants land, each filter becomes
 * "a grant reaches this object or one of its parents": e.g. for tables
 * `{ OR: [{ grants: { some: principalGrant } }, { namespace: { grants: … } }, …] }`.
 * Liveness (the trash) is not visibility: callers add `deletedKey: ""` themselves.
 */
import type { Prisma } from "@/lib/db";
import { authorize } from "./authorize";
import type { Principal } from "./principal";

export interface CatalogVisibility {
  catalog: Prisma.CatalogWhereInput;
  namespace: Prisma.NamespaceWhereInput;
  table: Prisma.CatalogTableWhereInput;
}

/** Matches no row: an id is never the empty string. */
const NOTHING = { id: "" } as const;

export function catalogVisibility(principal: Principal | null): CatalogVisibility {
  if (!authorize(principal, "catalog.browse").allowed) {
    return { catalog: NOTHING, namespace: NOTHING, table: NOTHING };
  }
  return { catalog: {}, namespace: {}, table: {} };
}
