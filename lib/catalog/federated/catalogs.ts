/**
 * Federated catalogs: a live PostgreSQL or MySQL/MariaDB database whose schemas and
 * tables appear in the tree. Creating one tests the connection first; the settings are
 * stored sealed (secret-box.ts) in `Catalog.connectionSecret`. Admins only.
 */
import { type Principal, recordAudit, requireAuthorized } from "@/lib/access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findCatalog } from "../catalogs";
import { validateName } from "../names";
import { validateProperties } from "../properties";
import { forgetCatalog } from "./cache";
import {
  connectionInfo,
  describeConnection,
  type FederatedConnection,
  type FederatedConnectionInfo,
  type FederatedConnectionInput,
  parseConnection,
} from "./connection";
import { openSecret, sealSecret } from "./secret-box";
import { type ConnectionTestResult, requireWorkingConnection, tryConnection } from "./testing";

export interface CreateFederatedCatalogInput {
  name: string;
  /** Path of the catalog to nest it in. */
  parent?: string;
  comment?: string;
  properties?: Record<string, string>;
  connection: FederatedConnectionInput;
}

export async function createFederatedCatalog(
  db: Db,
  actor: Principal,
  input: CreateFederatedCatalogInput,
): Promise<{ id: string; path: string }> {
  requireAuthorized(actor, "catalog.manage", { kind: "catalog", catalog: input.name });
  const name = validateName("catalog", input.name);
  const properties = validateProperties(input.properties);
  const connection = parseConnection(input.connection);
  const parent = input.parent ? await findCatalog(db, input.parent) : null;
  const path = parent ? `${parent.path}/${name}` : name;
  if (await db.catalog.findUnique({ where: { path }, select: { id: true } })) throw exists(path);
  await requireWorkingConnection(connection);
  try {
    return await db.$transaction(async (tx) => {
      const catalog = await tx.catalog.create({
        data: {
          path,
          name,
          parentId: parent?.id ?? null,
          kind: "federated",
          comment: input.comment?.trim() || null,
          owner: actor.username,
          properties: JSON.stringify(properties),
          connectionSecret: sealSecret(JSON.stringify(connection)),
        },
      });
      await recordAudit(tx, actor, {
        action: "catalog.create",
        targetType: "catalog",
        targetId: catalog.id,
        details: { path, kind: "federated", connection: describeConnection(connection) },
      });
      return { id: catalog.id, path };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw exists(path);
    throw error;
  }
}

/** Tests settings before saving them: the "Test connection" button. Never throws for a failed connection. */
export async function testFederatedConnection(
  actor: Principal,
  input: FederatedConnectionInput,
): Promise<ConnectionTestResult> {
  requireAuthorized(actor, "catalog.manage");
  return tryConnection(parseConnection(input));
}

/** Tests the stored connection of a federated catalog. */
export async function testCatalogConnection(
  db: Db,
  actor: Principal,
  catalogPath: string,
): Promise<ConnectionTestResult> {
  requireAuthorized(actor, "catalog.manage", { kind: "catalog", catalog: catalogPath });
  return tryConnection(await storedConnection(db, catalogPath));
}

/** The stored settings without the password, for the edit form. */
export async function federatedConnectionInfo(
  db: Db,
  actor: Principal,
  catalogPath: string,
): Promise<FederatedConnectionInfo> {
  requireAuthorized(actor, "catalog.manage", { kind: "catalog", catalog: catalogPath });
  return connectionInfo(await storedConnection(db, catalogPath));
}

/**
 * Changes a federated catalog's connection. Fields left out keep their stored values —
 * the password too, so a form need not show it to change the host. Tested before saved.
 */
export async function updateFederatedConnection(
  db: Db,
  actor: Principal,
  catalogPath: string,
  change: Partial<FederatedConnectionInput>,
): Promise<FederatedConnectionInfo> {
  requireAuthorized(actor, "catalog.manage", { kind: "catalog", catalog: catalogPath });
  const catalog = await federatedCatalogRow(db, catalogPath);
  const current = readConnection(catalog);
  const defined = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
  const connection = parseConnection({ ...current, ...defined });
  await requireWorkingConnection(connection);
  await db.$transaction(async (tx) => {
    await tx.catalog.update({
      where: { id: catalog.id },
      data: { connectionSecret: sealSecret(JSON.stringify(connection)) },
    });
    await recordAudit(tx, actor, {
      action: "catalog.connection.update",
      targetType: "catalog",
      targetId: catalog.id,
      details: {
        path: catalog.path,
        connection: describeConnection(connection),
        changed: Object.keys(defined).sort(),
      },
    });
  });
  forgetCatalog(catalog.id);
  return connectionInfo(connection);
}

export async function federatedCatalogRow(db: Pick<Db, "catalog">, catalogPath: string) {
  const catalog = await findCatalog(db, catalogPath);
  if (catalog.kind !== "federated")
    throw new AppError("bad_request", `Catalog ${catalogPath} is not a federated catalog.`);
  return catalog;
}

export function readConnection(catalog: {
  path: string;
  connectionSecret: string | null;
}): FederatedConnection {
  if (!catalog.connectionSecret)
    throw new AppError(
      "unavailable",
      `Catalog ${catalog.path} has no stored connection; set its connection settings again.`,
    );
  return parseConnection(JSON.parse(openSecret(catalog.connectionSecret)));
}

async function storedConnection(db: Db, catalogPath: string): Promise<FederatedConnection> {
  return readConnection(await federatedCatalogRow(db, catalogPath));
}

function exists(path: string): AppError {
  return new AppError("conflict", `A catalog named ${path} already exists.`);
}
