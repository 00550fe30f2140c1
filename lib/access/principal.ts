/** Who is asking. Every read and write path carries one to `authorize()`. */
export const ROLES = ["admin", "steward", "analyst"] as const;
export type Role = (typeof ROLES)[number];

export interface UserPrincipal {
  kind: "user";
  userId: string;
  username: string;
  displayName: string | null;
  role: Role;
  groupIds: string[];
}

/** Tarn itself (start-up bootstrap, maintenance): acts as an admin, audited as "system". */
export interface SystemPrincipal {
  kind: "system";
  userId: null;
  username: "system";
  displayName: "Tarn";
  role: "admin";
  groupIds: [];
}

export type Principal = UserPrincipal | SystemPrincipal;

export const SYSTEM: SystemPrincipal = { kind: "system", userId: null, username: "system", displayName: "Tarn", role: "admin", groupIds: [] };

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
