import "server-only";
import type { ContainerAbilities } from "@/components/catalog/object-types";
import type { TableAbilities } from "@/components/catalog/table-types";
import { authorize, type Principal } from "@/lib/access";

/**
 * Which controls a page shows. Only a hint for the UI: every action asks lib/access again,
 * with the object, before it does anything.
 */
export function containerAbilities(principal: Principal, catalogKind: string): ContainerAbilities {
  const may = (op: Parameters<typeof authorize>[1]) => authorize(principal, op).allowed;
  const writable = catalogKind !== "federated";
  return {
    createNamespace: writable && may("namespace.create"),
    createTable: catalogKind === "managed" && may("table.create"),
    // Registering reads files anywhere the server can: stewards and admins only (table.register).
    registerTable: writable && may("table.register"),
    registerFolder: catalogKind === "lake" && may("table.register"),
    alterNamespace: writable && may("namespace.alter"),
    changeOwner: writable && may("owner.change"),
    // Tagging asks tag.assign and the object's properties operation (lib/catalog/tags).
    tagCatalog: may("tag.assign") && may("catalog.manage"),
    tagNamespace: writable && may("tag.assign") && may("namespace.alter"),
  };
}

export function tableAbilities(principal: Principal, catalogKind: string): TableAbilities {
  const writable = catalogKind !== "federated";
  const may = (op: Parameters<typeof authorize>[1]) => writable && authorize(principal, op).allowed;
  return { alter: may("table.alter"), drop: may("table.drop"), protect: may("table.protect"), owner: may("owner.change"), tag: may("tag.assign") && may("table.alter") };
}
