/**
 * The objects tags are on: a target (catalog, namespace, table, view or column, named as
 * people name them) resolved to its row, with what changing its tags needs from
 * lib/access. Only live objects are found; tags of objects in the trash stay with them.
 */
import type { Operation, Resource } from "@/lib/access";
import { AppError } from "@/lib/errors";
import { currentSchema, findFieldById, findFieldByName, type Schema } from "@/lib/iceberg/spec";
import { findCatalog } from "../catalogs";
import type { CatalogContext } from "../context";
import { readTableMetadata, readViewMetadata } from "../metadata-files";
import { displayName } from "../names";
import { findNamespace } from "../namespaces";
import { findObjectRow, type TableRow, VIEW_KIND } from "../table-rows";
import type { TagTarget } from "./inputs";

export type TagObjectType = "catalog" | "namespace" | "table" | "column";

export interface ResolvedTarget {
  objectType: TagObjectType;
  /** Unique per object ("table:<id>", "column:<tableId>:<fieldId>"…), see TagAssignment. */
  objectKey: string;
  catalogId: string | null;
  namespaceId: string | null;
  tableId: string | null;
  fieldId: number | null;
  columnName: string | null;
  /** "table lake.db.orders", for messages and the audit log. */
  label: string;
  /** Who may change this object's properties may change its tags. */
  alter: Operation;
  resource: Resource;
}

export function targetResource(target: TagTarget): Resource {
  if (target.kind === "catalog") return { kind: "catalog", catalog: target.catalog };
  if (target.kind === "namespace")
    return { kind: "namespace", catalog: target.catalog, namespace: target.namespace };
  return {
    kind: "table",
    catalog: target.catalog,
    namespace: target.namespace,
    table: target.name,
  };
}

export async function resolveTarget(
  ctx: CatalogContext,
  target: TagTarget,
): Promise<ResolvedTarget> {
  const resource = targetResource(target);
  const none = {
    catalogId: null,
    namespaceId: null,
    tableId: null,
    fieldId: null,
    columnName: null,
    resource,
  };
  if (target.kind === "catalog") {
    const catalog = await findCatalog(ctx.db, target.catalog);
    return {
      ...none,
      objectType: "catalog",
      objectKey: `catalog:${catalog.id}`,
      catalogId: catalog.id,
      label: `catalog ${catalog.path}`,
      alter: "catalog.manage",
    };
  }
  if (target.kind === "namespace") {
    const ns = await findNamespace(ctx.db, target);
    return {
      ...none,
      objectType: "namespace",
      objectKey: `namespace:${ns.id}`,
      namespaceId: ns.id,
      label: `namespace ${target.catalog}.${displayName(target.namespace)}`,
      alter: "namespace.alter",
    };
  }
  const row = await findTaggableRow(ctx, target);
  const isView = row.kind === VIEW_KIND;
  const what = isView ? "view" : "table";
  const object = `${target.catalog}.${displayName(target.namespace, target.name)}`;
  const base = {
    ...none,
    tableId: row.id,
    alter: (isView ? "view.alter" : "table.alter") as Operation,
  };
  if (target.kind !== "column")
    return {
      ...base,
      objectType: "table",
      objectKey: `table:${row.id}`,
      label: `${what} ${object}`,
    };
  const column = await resolveColumn(ctx, row, target);
  const key = column.fieldId === null ? `name:${column.name}` : String(column.fieldId);
  return {
    ...base,
    objectType: "column",
    objectKey: `column:${row.id}:${key}`,
    fieldId: column.fieldId,
    columnName: column.name,
    label: `column ${object}.${column.name}`,
  };
}

async function findTaggableRow(
  ctx: CatalogContext,
  target: Extract<TagTarget, { name: string }>,
): Promise<TableRow> {
  const row = await findObjectRow(ctx.db, target);
  const wantView = target.kind === "view";
  if (row && (target.kind === "column" || (row.kind === VIEW_KIND) === wantView)) return row;
  await findNamespace(ctx.db, target);
  const catalog = await findCatalog(ctx.db, target.catalog);
  if (catalog.kind === "federated")
    throw new AppError(
      "bad_request",
      "Tables of a federated catalog live in their database and cannot be tagged; tag the catalog instead.",
    );
  throw new AppError(
    "not_found",
    `${wantView ? "View" : "Table"} ${displayName(target.namespace, target.name)} does not exist.`,
  );
}

/**
 * Iceberg tables and views: the column by field id (it survives renames) or by its dotted
 * name in the current schema. External tables have no field ids: by name, as given.
 */
async function resolveColumn(
  ctx: CatalogContext,
  row: TableRow,
  target: Extract<TagTarget, { kind: "column" }>,
): Promise<{ fieldId: number | null; name: string }> {
  const schema = await currentSchemaOf(ctx, row);
  if (!schema) {
    if (target.column === undefined)
      throw new AppError("bad_request", `${row.name} has no field ids; name the column.`);
    return { fieldId: null, name: target.column };
  }
  const field =
    target.fieldId !== undefined
      ? findFieldById(schema, target.fieldId)
      : findFieldByName(schema, target.column ?? "");
  if (
    !field ||
    (target.column !== undefined &&
      target.fieldId !== undefined &&
      field.fullName !== target.column)
  ) {
    const named = target.column ?? `with field id ${target.fieldId}`;
    throw new AppError("not_found", `${displayName([], row.name)} has no column ${named}.`);
  }
  return { fieldId: field.id, name: field.fullName };
}

/** The current schema of an Iceberg table or view, or null for objects without metadata. */
export async function currentSchemaOf(ctx: CatalogContext, row: TableRow): Promise<Schema | null> {
  if (!row.metadataLocation) return null;
  if (row.kind === VIEW_KIND) {
    const view = await readViewMetadata(ctx.io, row.metadataLocation);
    const version = view.versions.find((v) => v.versionId === view.currentVersionId);
    return view.schemas.find((s) => s.schemaId === version?.schemaId) ?? null;
  }
  if (row.kind !== "iceberg") return null;
  return currentSchema(await readTableMetadata(ctx.io, row.metadataLocation));
}
