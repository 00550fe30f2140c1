import { describe, expect, it } from "vitest";
import type { UserPrincipal } from "./principal";
import { authorizeTableRead, isFullRead } from "./table-read";

const user = (role: UserPrincipal["role"]): UserPrincipal => ({ kind: "user", userId: "u", username: "u", displayName: null, role, groupIds: [] });
const table = { kind: "table" as const, catalog: "lake", namespace: ["db"], table: "orders" };

describe("authorizeTableRead", () => {
  it.each(["admin", "steward", "analyst"] as const)("gives %s the whole table until grants narrow it", (role) => {
    const policy = authorizeTableRead(user(role), table);
    expect(policy).toMatchObject({ columns: null, masks: {}, rowFilter: null });
    expect(policy.reasons[0]).toContain(`role ${role}`);
    expect(isFullRead(policy)).toBe(true);
  });

  it("refuses nobody signed in", () => {
    expect(() => authorizeTableRead(null, table)).toThrow("Please sign in first.");
  });

  it("tells a narrowed policy apart", () => {
    expect(isFullRead({ columns: ["a"], masks: {}, rowFilter: null, reasons: [] })).toBe(false);
    expect(isFullRead({ columns: null, masks: { a: "'x'" }, rowFilter: null, reasons: [] })).toBe(false);
    expect(isFullRead({ columns: null, masks: {}, rowFilter: "a > 1", reasons: [] })).toBe(false);
  });
});
