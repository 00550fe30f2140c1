import { describe, expect, it } from "vitest";
import type { Role, UserPrincipal } from "./principal";
import { catalogVisibility } from "./visibility";

const as = (role: Role): UserPrincipal => ({ kind: "user", userId: `u-${role}`, username: role, displayName: null, role, groupIds: [] });

describe("catalogVisibility", () => {
  it.each(["admin", "steward", "analyst"] as const)("lets a signed-in %s see everything (until grants land)", (role) => {
    expect(catalogVisibility(as(role))).toEqual({ catalog: {}, namespace: {}, table: {} });
  });

  it("shows nobody signed in nothing", () => {
    const nothing = { id: "" };
    expect(catalogVisibility(null)).toEqual({ catalog: nothing, namespace: nothing, table: nothing });
  });
});
