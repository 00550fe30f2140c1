/**
 * Browsing a federated catalog: its schemas are its namespaces, their tables and views
 * its tables — asked of the database live (through a short cache), never copied.
 * Whoever may see the catalog may browse it; grants on remote objects come with the
 * permissions issue.
 */
import { catalogVisibility, requireAuthorized } from "@/lib/access";
import { AppError } from "@/lib/errors";
import type { CatalogContext } from "../context";
import type { NamespaceIdent, TableIdent } from "../identifiers";
import { displayName } from "../names";
import { cached, forgetCatalog } from "./cache";
import { readConnection } from "./catalogs";
import { ConnectionProblem } from "./problems";
import type { RemoteColumn, RemoteDatabase, RemoteSchema, RemoteTable } from "./remote";
import { remoteDatabase } from "./testing";

export interface FederatedTableDescription {
  table: RemoteTable;
  columns: RemoteColumn[];
}

interface Remote {
  catalogId: string;
  key: string;
  database: RemoteDatabase;
}

export async function listFederatedSchemas(
  ctx: CatalogContext,
  catalogPath: string,
): Promise<RemoteSchema[]> {
  const remote = await openRemote(ctx, catalogPath);
  return ask(remote, "schemas", () => remote.database.schemas());
}

export async function listFederatedTables(
  ctx: CatalogContext,
  ident: NamespaceIdent,
): Promise<RemoteTable[]> {
  const remote = await openRemote(ctx, ident.catalog);
  const schema = await findSchema(remote, ident);
  return ask(remote, `tables:${schema}`, () => remote.database.tables(schema));
}

export async function describeFederatedTable(
  ctx: CatalogContext,
  ident: TableIdent,
): Promise<FederatedTableDescription> {
  const remote = await openRemote(ctx, ident.catalog);
  const schema = await findSchema(remote, ident);
  const tables = await ask(remote, `tables:${schema}`, () => remote.database.tables(schema));
  const table = tables.find((t) => t.name === ident.name);
  const columns =
    table &&
    (await ask(remote, `columns:${schema}:${ident.name}`, () =>
      remote.database.columns(schema, ident.name),
    ));
  if (!table || !columns)
    throw new AppError(
      "not_found",
      `Table ${displayName(ident.namespace, ident.name)} does not exist.`,
    );
  return { table, columns };
}

/** Drops cached answers about a catalog, so the next listing asks the database again. */
export async function refreshFederatedCatalog(
  ctx: CatalogContext,
  catalogPath: string,
): Promise<void> {
  forgetCatalog((await openRemote(ctx, catalogPath)).catalogId);
}

async function openRemote(ctx: CatalogContext, catalogPath: string): Promise<Remote> {
  requireAuthorized(ctx.actor, "catalog.browse");
  const catalog = await ctx.db.catalog.findFirst({
    where: { AND: [catalogVisibility(ctx.actor).catalog, { path: catalogPath }] },
  });
  // Missing and not visible read the same (STYLE.md, practice 7).
  if (!catalog) throw new AppError("not_found", `Catalog ${catalogPath} does not exist.`);
  if (catalog.kind !== "federated")
    throw new AppError("bad_request", `Catalog ${catalogPath} is not a federated catalog.`);
  return {
    catalogId: catalog.id,
    key: `${catalog.id}:${catalog.updatedAt.getTime()}`,
    database: remoteDatabase(readConnection(catalog)),
  };
}

async function findSchema(remote: Remote, ident: NamespaceIdent): Promise<string> {
  const schemas = await ask(remote, "schemas", () => remote.database.schemas());
  const [schema] = ident.namespace;
  if (ident.namespace.length !== 1 || !schemas.some((s) => s.name === schema)) {
    throw new AppError("not_found", `Namespace ${displayName(ident.namespace)} does not exist.`);
  }
  return schema;
}

async function ask<T>(remote: Remote, what: string, load: () => Promise<T>): Promise<T> {
  try {
    return await cached(`${remote.key}:${what}`, load);
  } catch (error) {
    // The database is down or refuses us: a passing condition, not the caller's mistake.
    if (error instanceof ConnectionProblem) throw error.toAppError("unavailable");
    throw error;
  }
}
