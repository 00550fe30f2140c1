import { describe, expect, it } from "vitest";
import { authorizeNotebook, type NotebookFacts, notebookVisibility } from "./notebooks";
import type { UserPrincipal } from "./principal";

const user = (userId: string, groupIds: string[] = []): UserPrincipal => ({ kind: "user", userId, username: userId, displayName: null, role: "analyst", groupIds });
const owner = user("owner");
const notebook = (shares: NotebookFacts["shares"] = []): NotebookFacts => ({ ownerId: "owner", shares });
const share = (principalType: "user" | "group", principalId: string, permission: "view" | "edit") => ({ principalType, principalId, permission });

// Each row: who asks, the notebook's shares, and what they may do (view, edit, share).
const MATRIX: [string, UserPrincipal, NotebookFacts, [boolean, boolean, boolean]][] = [
  ["the owner", owner, notebook(), [true, true, true]],
  ["a stranger", user("eve"), notebook(), [false, false, false]],
  ["a user shared for view", user("bob"), notebook([share("user", "bob", "view")]), [true, false, false]],
  ["a user shared for edit", user("bob"), notebook([share("user", "bob", "edit")]), [true, true, false]],
  ["a group member, group shared for view", user("bob", ["g1"]), notebook([share("group", "g1", "view")]), [true, false, false]],
  ["a group member, group shared for edit", user("bob", ["g1"]), notebook([share("group", "g1", "edit")]), [true, true, false]],
  ["someone outside the shared group", user("eve", ["g2"]), notebook([share("group", "g1", "edit")]), [false, false, false]],
  ["a user whose id is a shared group's id", user("g1"), notebook([share("group", "g1", "edit")]), [false, false, false]],
  ["view for the user, edit for their group", user("bob", ["g1"]), notebook([share("user", "bob", "view"), share("group", "g1", "edit")]), [true, true, false]],
];

describe("authorizeNotebook", () => {
  for (const [who, principal, facts, expected] of MATRIX) {
    (["view", "edit", "share"] as const).forEach((access, i) => {
      it(`${who} ${expected[i] ? "may" : "may not"} ${access}`, () => {
        const decision = authorizeNotebook(principal, facts, access);
        expect(decision.allowed).toBe(expected[i]);
        expect(decision.reasons.length).toBeGreaterThan(0);
      });
    });
  }

  it("refuses anyone not signed in", () => {
    expect(authorizeNotebook(null, notebook(), "view").allowed).toBe(false);
  });

  it("lists own, user-shared and group-shared notebooks, and nothing for nobody", () => {
    expect(notebookVisibility(user("bob", ["g1"]))).toEqual({
      OR: [{ ownerId: "bob" }, { shares: { some: { OR: [{ principalType: "user", principalId: "bob" }, { principalType: "group", principalId: { in: ["g1"] } }] } } }],
    });
    expect(notebookVisibility(null)).toEqual({ id: "" });
  });
});
