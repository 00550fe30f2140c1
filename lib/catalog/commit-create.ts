/**
 * Creating a table from a commit that asserts `assert-create`: what a REST client sends
 * after `stage-create` (its create transaction, possibly with a first snapshot whose
 * files it already wrote to the staged location). The metadata is what the updates make
 * from nothing; its location must be inside the catalog's storage location and overlap
 * no other table. Concurrent creates of one name: the database's unique key lets one win.
 */
import { requireAuthorized } from "@/lib/access";
import type { TableCommit } from "@/lib/iceberg/commit";
import type { CommitOptions, CommitResult } from "./commit";
import { applyChecked } from "./commit-run";
import type { CatalogContext } from "./context";
import { namespaceResource, type TableIdent } from "./identifiers";
import { checkGivenLocation } from "./locations";
import { validateName } from "./names";
import { findNamespace } from "./namespaces";
import { findObjectRow, nameTaken } from "./table-rows";
import { insertNewTable } from "./table-insert";

export async function commitCreate(ctx: CatalogContext, ident: TableIdent, commit: TableCommit, opts: CommitOptions): Promise<CommitResult> {
  requireAuthorized(ctx.actor, "table.create", namespaceResource(ident));
  validateName("table", ident.name);
  const namespace = await findNamespace(ctx.db, ident);
  const existing = await findObjectRow(ctx.db, ident);
  if (existing) throw nameTaken(ident, existing.kind);
  const metadata = applyChecked(ident, null, null, commit);
  const catalog = await ctx.db.catalog.findUniqueOrThrow({ where: { id: namespace.catalogId } });
  // Files may already be there: a staged create's client writes its data before committing.
  await checkGivenLocation(ctx.db, ctx.io, catalog, metadata.location, { mayHoldFiles: true });
  const created = await insertNewTable(ctx, namespace, ident, metadata, {
    audit: { action: "table.create", details: { via: "commit", what: opts.description } },
    inTransaction: opts.inTransaction,
  });
  return { metadata: created.metadata, metadataLocation: created.metadataLocation, attempts: 1 };
}
