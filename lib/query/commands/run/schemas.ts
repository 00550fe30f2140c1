/** CREATE SCHEMA and DROP SCHEMA: namespaces of lib/catalog (a drop goes to the trash). */
import { requireAuthorized } from "@/lib/access";
import { createNamespace, dropNamespace } from "@/lib/catalog";
import type { PreparedCommand } from "../../types";
import { fullName, namespaceResource } from "../names";
import { namespaceNamed } from "./targets";
import type { CreateSchema, DropSchema } from "../parse";
import { type CommandEnv, command, unless } from "./context";

export async function createSchemaCommand(env: CommandEnv, c: CreateSchema): Promise<PreparedCommand> {
  const ident = await namespaceNamed(env, c.name);
  requireAuthorized(env.ctx.actor, "namespace.create", namespaceResource(ident));
  const name = fullName(ident);
  return command(`CREATE SCHEMA ${name}`, {}, () =>
    unless(c.ifNotExists, "conflict", `Schema ${name} already exists; nothing created.`, async () => {
      await createNamespace(env.ctx.db, env.ctx.actor, ident, c.properties);
      return `Created schema ${name}.`;
    }),
  );
}

export async function dropSchemaCommand(env: CommandEnv, c: DropSchema): Promise<PreparedCommand> {
  const ident = await namespaceNamed(env, c.name);
  requireAuthorized(env.ctx.actor, "namespace.alter", namespaceResource(ident));
  const name = fullName(ident);
  return command(`DROP SCHEMA ${name}`, {}, () =>
    unless(c.ifExists, "not_found", `Schema ${name} does not exist; nothing dropped.`, async () => {
      await dropNamespace(env.ctx.db, env.ctx.actor, ident);
      return `Dropped schema ${name} (it stays in the trash until purged).`;
    }),
  );
}
