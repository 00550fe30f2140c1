/**
 * A REST catalog to test against: a fresh metadata database and warehouse (per
 * TARN_TEST_DB), people with access tokens, and a fresh managed catalog per test when
 * asked, so tests can use the same names (Java's kit uses "ns", "newdb") without meeting.
 */
import { randomBytes } from "node:crypto";
import { type Role, SYSTEM, type UserPrincipal } from "@/lib/access";
import { createPersonalToken, createUser, forgetBearerTokens } from "@/lib/auth";
import { createCatalog } from "@/lib/catalog";
import { type TestCatalog, testCatalog } from "@/tests/support/catalog";
import type { RestDeps } from "../index";
import { RestClient } from "./rest-client";

export interface RestEnv {
  t: TestCatalog;
  deps: RestDeps;
  /** An admin's client for the catalog "lake" (which has namespace "db"). */
  admin: RestClient;
  tokens: Record<Role, string>;
  /** A client (admin by default) for a new, empty managed catalog. */
  freshCatalog(role?: Role): Promise<RestClient>;
  close(): Promise<void>;
}

export async function restEnv(): Promise<RestEnv> {
  const t = await testCatalog({ catalog: "lake", namespace: ["db"] });
  const deps: RestDeps = { db: t.db, io: t.ctx.io };
  const tokens = {} as Record<Role, string>;
  for (const role of ["admin", "steward", "analyst"] as const) tokens[role] = await personWithToken(t, role);
  forgetBearerTokens();
  return {
    t,
    deps,
    admin: new RestClient(deps, tokens.admin, "lake"),
    tokens,
    async freshCatalog(role: Role = "admin") {
      const name = `c_${randomBytes(5).toString("hex")}`;
      await createCatalog(t.db, SYSTEM, { name, kind: "managed" });
      return new RestClient(deps, tokens[role], name);
    },
    close: () => t.close(),
  };
}

async function personWithToken(t: TestCatalog, role: Role): Promise<string> {
  const username = `${role}-${randomBytes(3).toString("hex")}`;
  const { id } = await createUser(t.db, SYSTEM, { username, role, password: `${username}-password` });
  const person: UserPrincipal = { kind: "user", userId: id, username, displayName: null, role, groupIds: [] };
  return (await createPersonalToken(t.db, person, { name: "rest tests" })).token;
}
