import { describe, expect, it } from "vitest";
import type { Role, UserPrincipal } from "./principal";
import { SYSTEM } from "./principal";
import { authorizeQueryRun } from "./query-runs";

const user = (id: string, role: Role = "analyst"): UserPrincipal => ({ kind: "user", userId: id, username: id, displayName: null, role, groupIds: [] });

describe("authorizeQueryRun", () => {
  it("lets the author read and cancel their run", () => {
    expect(authorizeQueryRun(user("ada"), { userId: "ada" }, "read")).toMatchObject({ allowed: true, reasons: ["ran the query"] });
    expect(authorizeQueryRun(user("ada", "steward"), { userId: "ada" }, "cancel").allowed).toBe(true);
  });

  it("refuses anyone else but admins", () => {
    expect(authorizeQueryRun(user("bob"), { userId: "ada" }, "read").allowed).toBe(false);
    expect(authorizeQueryRun(user("bob", "steward"), { userId: "ada" }, "read").allowed).toBe(false);
    expect(authorizeQueryRun(user("root", "admin"), { userId: "ada" }, "read").allowed).toBe(true);
    expect(authorizeQueryRun(SYSTEM, { userId: "ada" }, "cancel").allowed).toBe(true);
    expect(authorizeQueryRun(null, { userId: "ada" }, "read").allowed).toBe(false);
  });
});
