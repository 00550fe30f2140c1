import { describe, expect, it } from "vitest";
import { authorize, requireAuthorized } from "./authorize";
import { OPERATIONS, type Operation } from "./operations";
import type { Role, UserPrincipal } from "./principal";

const as = (role: Role): UserPrincipal => ({ kind: "user", userId: `u-${role}`, username: role, displayName: null, role, groupIds: [] });

// The role matrix, one row per operation: who may, everyone else may not.
const MATRIX: [Operation, Role[]][] = [
  ["studio.use", ["admin", "steward", "analyst"]],
  ["catalog.browse", ["admin", "steward", "analyst"]],
  ["notebooks.use", ["admin", "steward", "analyst"]],
  ["notebook.create", ["admin", "steward", "analyst"]],
  ["notebook.view", ["admin", "steward", "analyst"]],
  ["notebook.edit", ["admin", "steward", "analyst"]],
  ["notebook.share", ["admin", "steward", "analyst"]],
  ["permissions.open", ["admin", "steward"]],
  ["permissions.manage", ["admin", "steward"]],
  ["ingestion.open", ["admin"]],
  ["ingestion.manage", ["admin"]],
  ["admin.open", ["admin"]],
  ["admin.users.read", ["admin"]],
  ["admin.users.manage", ["admin"]],
  ["admin.groups.manage", ["admin"]],
  ["admin.apiClients.manage", ["admin"]],
  ["audit.read", ["admin", "steward"]],
  ["catalog.manage", ["admin"]],
  ["namespace.create", ["admin", "steward", "analyst"]],
  ["namespace.alter", ["admin", "steward"]],
  ["table.read", ["admin", "steward", "analyst"]],
  ["table.register", ["admin", "steward"]],
  ["table.create", ["admin", "steward", "analyst"]],
  ["table.write", ["admin", "steward", "analyst"]],
  ["table.alter", ["admin", "steward", "analyst"]],
  ["table.drop", ["admin", "steward"]],
  ["table.protect", ["admin", "steward"]],
  ["view.read", ["admin", "steward", "analyst"]],
  ["view.create", ["admin", "steward", "analyst"]],
  ["view.alter", ["admin", "steward", "analyst"]],
  ["view.drop", ["admin", "steward"]],
  ["owner.change", ["admin"]],
  ["trash.read", ["admin", "steward"]],
  ["trash.restore", ["admin", "steward"]],
  ["trash.purge", ["admin"]],
  ["tag.define", ["admin"]],
  ["tag.assign", ["admin", "steward", "analyst"]],
];

describe("authorize", () => {
  it("covers every operation in the matrix", () => {
    expect(MATRIX.map(([op]) => op).sort()).toEqual(Object.keys(OPERATIONS).sort());
  });

  for (const [operation, allowed] of MATRIX) {
    for (const role of ["admin", "steward", "analyst"] as const) {
      const expected = allowed.includes(role);
      it(`${role} ${expected ? "may" : "may not"} ${operation}`, () => {
        const decision = authorize(as(role), operation);
        expect(decision.allowed).toBe(expected);
        expect(decision.reasons.join(" ")).toContain(`role ${role}`);
      });
    }
  }

  it("refuses anyone not signed in, saying so", () => {
    expect(authorize(null, "studio.use")).toMatchObject({ allowed: false, reasons: ["not signed in"] });
  });

  it("requireAuthorized throws unauthenticated for nobody and forbidden with a readable message", () => {
    expect(() => requireAuthorized(null, "studio.use")).toThrow(expect.objectContaining({ code: "unauthenticated" }));
    expect(() => requireAuthorized(as("analyst"), "admin.users.manage")).toThrow(
      expect.objectContaining({ code: "forbidden", message: "You do not have permission to manage users." }),
    );
    expect(requireAuthorized(as("admin"), "admin.users.manage").allowed).toBe(true);
  });
});
