/**
 * Operations named by intent, and which roles satisfy each — privileges as data.
 * Later issues add catalog operations (table.select, table.sample, rest.loadTable, …)
 * whose decisions also consult grants; role rules stay the floor.
 */
import type { Role } from "./principal";

interface OperationRule {
  /** Shown to a person who is refused: "You do not have permission to <describe>." */
  describe: string;
  roles: readonly Role[];
}

const EVERYONE: readonly Role[] = ["admin", "steward", "analyst"];

export const OPERATIONS = {
  "studio.use": { describe: "use the studio", roles: EVERYONE },
  "catalog.browse": { describe: "browse the catalog", roles: EVERYONE },
  "notebooks.use": { describe: "use notebooks", roles: EVERYONE },
  "notebook.create": { describe: "create notebooks", roles: EVERYONE },
  "notebook.view": { describe: "open this notebook", roles: EVERYONE },
  "notebook.edit": { describe: "change this notebook", roles: EVERYONE },
  "notebook.share": { describe: "share or delete this notebook", roles: EVERYONE },
  "permissions.open": { describe: "open Permissions", roles: ["admin", "steward"] },
  "permissions.manage": { describe: "manage grants", roles: ["admin", "steward"] },
  "ingestion.open": { describe: "open Ingestion", roles: ["admin"] },
  "ingestion.manage": { describe: "manage ingestion sources", roles: ["admin"] },
  "admin.open": { describe: "open Admin", roles: ["admin"] },
  "admin.users.read": { describe: "list users and groups", roles: ["admin"] },
  "admin.users.manage": { describe: "manage users", roles: ["admin"] },
  "admin.groups.manage": { describe: "manage groups", roles: ["admin"] },
  "admin.apiClients.manage": { describe: "manage API clients", roles: ["admin"] },
  "audit.read": { describe: "read the audit log", roles: ["admin", "steward"] },
  "catalog.manage": { describe: "create and change catalogs and storage locations", roles: ["admin"] },
  "namespace.create": { describe: "create namespaces", roles: ["admin", "steward", "analyst"] },
  "namespace.alter": { describe: "change or drop namespaces", roles: ["admin", "steward"] },
  "table.read": { describe: "read this table", roles: ["admin", "steward", "analyst"] },
  "table.register": { describe: "register existing files as tables or views", roles: ["admin", "steward"] },
  "table.create": { describe: "create tables here", roles: ["admin", "steward", "analyst"] },
  "table.write": { describe: "change this table's data", roles: ["admin", "steward", "analyst"] },
  "table.alter": { describe: "change this table's schema, partitioning or properties", roles: ["admin", "steward", "analyst"] },
  "table.drop": { describe: "drop this table", roles: ["admin", "steward"] },
  "table.protect": { describe: "protect this table against drop, or lift the protection", roles: ["admin", "steward"] },
  "view.read": { describe: "read this view", roles: ["admin", "steward", "analyst"] },
  "view.create": { describe: "create views here", roles: ["admin", "steward", "analyst"] },
  "view.alter": { describe: "change this view's definition or properties", roles: ["admin", "steward", "analyst"] },
  "view.drop": { describe: "drop this view", roles: ["admin", "steward"] },
  "owner.change": { describe: "change the owner of catalogs, namespaces, tables and views", roles: ["admin"] },
  "trash.read": { describe: "see what is in the trash", roles: ["admin", "steward"] },
  "trash.restore": { describe: "restore from the trash", roles: ["admin", "steward"] },
  "trash.purge": { describe: "purge the trash for good", roles: ["admin"] },
  // Tags: admins define the governed keys and their allowed values. Tagging an object also
  // needs the right to change its properties (catalog.manage, namespace.alter, table.alter
  // or view.alter), asked with the object; tag grants will narrow tag.assign.
  "tag.define": { describe: "define, change and delete tag keys", roles: ["admin"] },
  "tag.assign": { describe: "tag catalogs, namespaces, tables, views and columns", roles: ["admin", "steward", "analyst"] },
} as const satisfies Record<string, OperationRule>;

export type Operation = keyof typeof OPERATIONS;

export function isOperation(value: string): value is Operation {
  return Object.hasOwn(OPERATIONS, value);
}
