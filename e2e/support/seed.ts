/**
 * Seed factories for e2e tests: each call makes a uniquely named user straight in the
 * e2e server's metadata store, so tests don't depend on each other.
 */
import path from "node:path";
import { SYSTEM, type Role } from "@/lib/access";
import { createUser } from "@/lib/auth";
import { createDb, type Db } from "@/lib/db";

export const E2E_DATA_DIR = "test-data/e2e";
export const ADMIN = { username: "admin", password: "e2e-admin-password" };

let db: Db | undefined;
function e2eDb(): Db {
  db ??= createDb(`file:${path.resolve(E2E_DATA_DIR, "tarn.db")}`);
  return db;
}

let counter = 0;
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

export async function seedUser(role: Role, overrides: { username?: string; password?: string } = {}) {
  const username = overrides.username ?? uniqueName(role);
  const password = overrides.password ?? `pw-${username}-secret`;
  const { id } = await createUser(e2eDb(), SYSTEM, { username, role, password });
  return { id, username, password };
}
