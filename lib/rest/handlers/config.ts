/**
 * `GET /v1/config?warehouse=<catalog path>`: the first call of every client. The
 * warehouse names a Tarn catalog; the answer tells the client to put it in every path
 * (`overrides.prefix`, one URL segment), lists exactly the endpoints served, and says
 * Idempotency-Key is honoured (`idempotency-key-lifetime`).
 *
 * Catalog properties named `table-default.*`, `table-override.*`, `view-default.*` and
 * `view-override.*` are handed to clients as defaults and overrides: engines apply them
 * to the tables and views they create, as Iceberg's catalog properties say.
 */
import { catalogInfo, findCatalog, listNamespacesPage } from "@/lib/catalog";
import { KEY_LIFETIME } from "../idempotency";
import { jsonResponse } from "../http";
import { encodePrefix, plainName } from "../identifiers";
import type { RouteContext } from "../router";
import { badRequest } from "../errors";

export function configHandler(endpoints: () => string[]) {
  return async ({ url, ctx }: RouteContext): Promise<Response> => {
    const warehouse = url.searchParams.get("warehouse");
    if (!warehouse) throw badRequest("Name the catalog to use as the warehouse (warehouse=<catalog path>, for example warehouse=demo).");
    plainName(warehouse);
    // Asks lib/access (catalog.browse) and finds the catalog, or answers NoSuchWarehouse.
    await listNamespacesPage(ctx.db, ctx.actor, warehouse, { pageSize: 1 });
    const { properties } = catalogInfo(await findCatalog(ctx.db, warehouse));
    return jsonResponse({
      defaults: pick(properties, ["table-default.", "view-default."]),
      overrides: { ...pick(properties, ["table-override.", "view-override."]), prefix: encodePrefix(warehouse) },
      endpoints: endpoints(),
      "idempotency-key-lifetime": KEY_LIFETIME,
    });
  };
}

function pick(properties: Record<string, string>, prefixes: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(properties).filter(([key]) => prefixes.some((p) => key.startsWith(p))));
}
