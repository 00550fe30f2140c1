import "server-only";
import type { ColumnRow, SchemaChange } from "@/components/catalog/table-types";
import { AppError } from "@/lib/errors";
import type { Schema } from "@/lib/iceberg/spec";
import { columnRows } from "./columns";

/**
 * What changed between two schema versions, column by column (matched by field id, so a
 * rename is a rename, not a drop and an add).
 * INTERIM until lib/catalog/browse `diffSchemas` lands; then this maps its result.
 */
export function diffSchemaVersions(schemas: Schema[], fromId: number, toId: number): SchemaChange[] {
  const from = schemas.find((s) => s.schemaId === fromId);
  const to = schemas.find((s) => s.schemaId === toId);
  if (!from || !to) throw new AppError("not_found", `Schema version ${from ? toId : fromId} does not exist in this table.`);
  const before = byId(columnRows(from));
  const after = byId(columnRows(to));
  const changes: SchemaChange[] = [];
  for (const [id, old] of before) if (!after.has(id)) changes.push({ change: "removed", id, path: old.path, before: old.type });
  for (const [id, now] of after) {
    const old = before.get(id);
    if (!old) {
      changes.push({ change: "added", id, path: now.path, after: now.type });
      continue;
    }
    if (old.path !== now.path) changes.push({ change: "renamed", id, path: now.path, before: old.path, after: now.path });
    if (old.type !== now.type) changes.push({ change: "type", id, path: now.path, before: old.type, after: now.type });
    if (old.required !== now.required) changes.push({ change: now.required ? "required" : "optional", id, path: now.path });
    if ((old.doc ?? "") !== (now.doc ?? "")) changes.push({ change: "comment", id, path: now.path, before: old.doc ?? "", after: now.doc ?? "" });
  }
  return changes;
}

function byId(rows: ColumnRow[]): Map<number, ColumnRow> {
  return new Map(rows.filter((r) => r.id !== null).map((r) => [r.id as number, r]));
}
