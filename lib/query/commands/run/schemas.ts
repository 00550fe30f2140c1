/** CREATE SCHEMA and DROP SCHEMA: namespaces of lib/catalog (a drop goes to the trash). */
import { requireAuthorized } from "@/lib/access";
import { createNamespace, dropNamespace } from "@/lib/catalog";
import { isAppError } from "@/lib/errors";
import type { PreparedCommand } from "../../types";
import { fullName, namespaceResource, resolveNamespace } from "../names";
import type { CreateSchema, DropSchema } from "../parse";
import { type CommandEnv, command } from "./context";

export function createSchemaCommand(env: CommandEnv, c: CreateSchema): PreparedCommand {
  const ident = resolveNamespace(env.ctx.session, c.name);
  requireAuthorized(env.ctx.actor, "namespace.create", namespaceResource(ident));
  const name = fullName(ident);
  return command(`CREATE SCHEMA ${name}`, {}, async () => {
    try {
      await createNamespace(env.ctx.db, env.ctx.actor, ident, c.properties);
    } catch (error) {
      if (c.ifNotExists && isAppError(error) && error.code === "conflict") return { message: `Schema ${name} already exists; nothing created.`, rowsAffected: 0 };
      throw error;
    }
    return { message: `Created schema ${name}.` };
  });
}

export function dropSchemaCommand(env: CommandEnv, c: DropSchema): PreparedCommand {
  const ident = resolveNamespace(env.ctx.session, c.name);
  requireAuthorized(env.ctx.actor, "namespace.alter", namespaceResource(ident));
  const name = fullName(ident);
  return command(`DROP SCHEMA ${name}`, {}, async () => {
    try {
      await dropNamespace(env.ctx.db, env.ctx.actor, ident);
    } catch (error) {
      if (c.ifExists && isNotFound(error)) return { message: `Schema ${name} does not exist; nothing dropped.`, rowsAffected: 0 };
      throw error;
    }
    return { message: `Dropped schema ${name} (it stays in the trash until purged).` };
  });
}

export function isNotFound(error: unknown): boolean {
  return isAppError(error) && error.code === "not_found";
}
