import { describe, expect, it } from "vitest";
import { createGroupInput, createUserInput, emailSchema, usernameSchema } from "./schemas";

describe("usernameSchema", () => {
  it.each([
    ["Ada", "ada"],
    ["  grace.hopper ", "grace.hopper"],
    ["x_1-2", "x_1-2"],
  ])("accepts %j as %j", (input, expected) => {
    expect(usernameSchema.parse(input)).toBe(expected);
  });

  it.each([
    ["", "at least 2"],
    ["a", "at least 2"],
    ["x".repeat(41), "at most 40"],
    ["-ada", "starting with a letter or digit"],
    ["ada lovelace", "Use lower-case letters"],
    ["system", "reserved"],
  ])("rejects %j (%s)", (input, message) => {
    const result = usernameSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toContain(message);
  });
});

describe("emailSchema", () => {
  it("normalises case and rejects bad addresses with a clear message", () => {
    expect(emailSchema.parse(" Ada@Example.COM ")).toBe("ada@example.com");
    expect(emailSchema.safeParse("ada@").error?.issues[0].message).toBe("Enter a valid e-mail address, like ada@example.com.");
  });
});

describe("createUserInput", () => {
  it("treats empty optional fields as absent", () => {
    expect(createUserInput.parse({ username: "ada", email: "", displayName: "", role: "analyst", password: "" })).toEqual({ username: "ada", role: "analyst", groupIds: [] });
  });

  it("refuses unknown roles and short passwords", () => {
    expect(createUserInput.safeParse({ username: "ada", role: "root" }).error?.issues[0].message).toContain("must be one of admin, steward, analyst");
    expect(createUserInput.safeParse({ username: "ada", role: "analyst", password: "short" }).error?.issues[0].message).toContain("at least 10");
  });

  it("group names follow the same rules", () => {
    expect(createGroupInput.parse({ name: "Finance-Analysts" })).toEqual({ name: "finance-analysts" });
    expect(createGroupInput.safeParse({ name: "public" }).success).toBe(false);
  });
});
