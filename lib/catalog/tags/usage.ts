/**
 * Where tags are used, named as people name the objects: what the Tags admin page lists,
 * and what refusals to delete a key or drop a value say. Objects in the trash keep their
 * tags, so they count, marked "(in the trash)".
 */
import type { Db, Prisma } from "@/lib/db";
import { displayName, namespaceLevels } from "../names";
import type { TagObjectType } from "./objects";

export interface TagUsage {
  id: string;
  key: string;
  value: string;
  objectType: TagObjectType;
  /** Where the object is: catalog path, namespace levels, table or view name, column. */
  path: { catalog: string; namespace: string[]; name?: string; column?: string };
  /** "table lake.db.orders", "column lake.db.orders.email (in the trash)". */
  label: string;
  inTrash: boolean;
  assignedBy: string;
  assignedAt: Date;
}

const USAGE_INCLUDE = {
  key: { select: { name: true } },
  catalog: { select: { path: true } },
  namespace: { select: { path: true, deletedAt: true, catalog: { select: { path: true } } } },
  table: {
    select: {
      name: true,
      kind: true,
      deletedAt: true,
      namespace: { select: { path: true, deletedAt: true, catalog: { select: { path: true } } } },
    },
  },
} as const;

type UsageRow = Prisma.TagAssignmentGetPayload<{ include: typeof USAGE_INCLUDE }>;

export async function findUsages(
  db: Pick<Db, "tagAssignment">,
  where: Prisma.TagAssignmentWhereInput,
  take: number,
): Promise<{ usages: TagUsage[]; total: number }> {
  // One after the other: inside a transaction, one connection answers both.
  const rows = await db.tagAssignment.findMany({
    where,
    include: USAGE_INCLUDE,
    orderBy: [{ assignedAt: "asc" }, { id: "asc" }],
    take,
  });
  const total = rows.length < take ? rows.length : await db.tagAssignment.count({ where });
  return { usages: rows.map(toUsage), total };
}

export function toUsage(row: UsageRow): TagUsage {
  const base = {
    id: row.id,
    key: row.key.name,
    value: row.value,
    objectType: row.objectType as TagObjectType,
    assignedBy: row.assignedBy,
    assignedAt: row.assignedAt,
  };
  if (row.table) {
    const namespace = namespaceLevels(row.table.namespace.path);
    const catalog = row.table.namespace.catalog.path;
    const inTrash = row.table.deletedAt !== null || row.table.namespace.deletedAt !== null;
    const object = `${catalog}.${displayName(namespace, row.table.name)}`;
    const what =
      row.objectType === "column"
        ? `column ${object}.${row.columnName}`
        : `${row.table.kind === "view" ? "view" : "table"} ${object}`;
    const column = row.objectType === "column" ? (row.columnName ?? undefined) : undefined;
    return {
      ...base,
      path: { catalog, namespace, name: row.table.name, column },
      label: trashed(what, inTrash),
      inTrash,
    };
  }
  if (row.namespace) {
    const namespace = namespaceLevels(row.namespace.path);
    const inTrash = row.namespace.deletedAt !== null;
    return {
      ...base,
      path: { catalog: row.namespace.catalog.path, namespace },
      label: trashed(`namespace ${row.namespace.catalog.path}.${displayName(namespace)}`, inTrash),
      inTrash,
    };
  }
  const catalog = row.catalog?.path ?? "?";
  return { ...base, path: { catalog, namespace: [] }, label: `catalog ${catalog}`, inTrash: false };
}

function trashed(label: string, inTrash: boolean): string {
  return inTrash ? `${label} (in the trash)` : label;
}

/** "table lake.db.orders, column lake.db.orders.email and 3 more" */
export function listedUsages(usages: TagUsage[], total: number): string {
  const named = usages.map((u) => u.label).join(", ");
  return total > usages.length ? `${named} and ${total - usages.length} more` : named;
}
