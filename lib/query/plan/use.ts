/**
 * `USE catalog`, `USE catalog.namespace`, `USE namespace` (in the current catalog),
 * `USE catalog.level1.level2`: a command whose result sets the session. The target must
 * exist and be visible to the person; a miss names the closest.
 */
import { catalogVisibility } from "@/lib/access";
import type { PreparedCommand, QueryContext, SessionState } from "../types";
import { displayName, namespacePath } from "./catalog-deps";
import { closest } from "./closest";
import { significant, tokenize } from "./lexer";
import { PlanError } from "./plan-error";
import { federatedNamespace } from "./resolve";

export async function planUse(ctx: QueryContext, sql: string, start: number): Promise<PreparedCommand> {
  const parts = nameParts(sql, start);
  const session = await resolveUse(ctx, parts, start);
  const shown = [session.catalog, ...(session.namespace ?? [])].join(".");
  return {
    kind: "command",
    describe: `USE ${shown}`,
    tablesRead: [],
    tablesWritten: [],
    execute: async () => ({ message: `Now using ${shown}.`, session }),
  };
}

function nameParts(sql: string, start: number): string[] {
  const tokens = significant(tokenize(sql.slice(start)));
  const parts: string[] = [];
  for (let i = 0; i < tokens.length; i += 2) {
    const t = tokens[i];
    if (t.kind !== "word" && t.kind !== "quoted") throw new PlanError("USE takes a name: USE catalog.namespace or USE namespace.", start + t.start);
    parts.push(t.kind === "quoted" ? t.text.slice(1, -1).replaceAll('""', '"') : t.text);
    const dot = tokens[i + 1];
    if (dot && dot.text !== ".") throw new PlanError("USE takes a name: USE catalog.namespace or USE namespace.", start + dot.start);
  }
  if (!parts.length) throw new PlanError("USE takes a name: USE catalog.namespace or USE namespace.", start);
  return parts;
}

async function resolveUse(ctx: QueryContext, parts: string[], position: number): Promise<SessionState> {
  const visible = catalogVisibility(ctx.actor);
  const catalogs = await ctx.db.catalog.findMany({ where: visible.catalog, select: { id: true, path: true, kind: true } });
  const byName = (name: string) => catalogs.find((c) => c.path === name) ?? catalogs.find((c) => c.path.toLowerCase() === name.toLowerCase());
  const named = byName(parts[0]);
  const current = ctx.session.catalog ? byName(ctx.session.catalog) : undefined;
  if (named && (parts.length > 1 || !current)) {
    if (parts.length === 1) return { catalog: named.path };
    return { catalog: named.path, namespace: await namespaceIn(ctx, named, parts.slice(1), position) };
  }
  if (current) {
    const found = await namespaceIn(ctx, current, parts, position).catch((error) => {
      if (named) return null;
      throw error;
    });
    if (found) return { catalog: current.path, namespace: found };
    if (named) return { catalog: (named as { path: string }).path };
  }
  const near = closest(parts[0], catalogs.map((c) => c.path));
  throw new PlanError(`Catalog "${parts[0]}" does not exist.${near.length ? ` Did you mean ${near.join(", ")}?` : ""}`, position);
}

async function namespaceIn(ctx: QueryContext, catalog: { id: string; path: string; kind: string }, levels: string[], position: number): Promise<string[]> {
  if (catalog.kind === "federated") return federatedNamespace(ctx, catalog.path, levels, position);
  const visible = catalogVisibility(ctx.actor).namespace;
  const rows = await ctx.db.namespace.findMany({ where: { AND: [visible, { catalogId: catalog.id, deletedKey: "" }] }, select: { path: true } });
  const path = namespacePath(levels);
  const found = rows.find((r) => r.path === path) ?? rows.find((r) => r.path.toLowerCase() === path.toLowerCase());
  if (found) return found.path.split("\u001f");
  const near = closest(displayName(levels), rows.map((r) => displayName(r.path.split("\u001f"))));
  throw new PlanError(`Namespace "${displayName(levels)}" does not exist in catalog ${catalog.path}.${near.length ? ` Did you mean ${near.join(", ")}?` : ""}`, position);
}
