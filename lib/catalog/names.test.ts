import { describe, expect, it } from "vitest";
import { displayName, folderName, nameProblem, validateName, validateNamespace } from "./names";

describe("names", () => {
  // biome-ignore format: one case a line
  const allowed: [string, string][] = [
    ["table", "tab/le"], ["table", "ta.ble"], ["namespace", "new/db"], ["namespace", "new.db"], ["view", "v.1/x"],
    ["table", "Ünïcødé 表"], ["table", "a\\b"], ["table", "x".repeat(255)], ["catalog", "lake.house"], ["table", "system"],
  ];
  it.each(allowed)("a %s may be named %j", (kind, name) => {
    expect(nameProblem(name, kind as "table")).toBeNull();
  });

  // biome-ignore format: one case a line
  const refused: [string, unknown, string][] = [
    ["table", "", "cannot be empty"],
    ["table", "x".repeat(256), "at most 255 characters"],
    ["table", " padded", "cannot start or end with a space"],
    ["table", "tab\tle", "control characters"],
    ["namespace", "a\u001fb", "control characters"],
    ["view", "..", 'cannot be ".."'],
    ["table", ".", 'cannot be "."'],
    ["catalog", "a/b", "cannot contain / (it separates nested catalogs)"],
    ["catalog", "System", "reserved"],
    ["catalog", "information_schema", "reserved"],
    ["catalog", "pg_catalog", "reserved"],
    ["table", 42, "must be text"],
  ];
  it.each(refused)("a %s name %j is refused: %s", (kind, name, problem) => {
    expect(() => validateName(kind as "table", name)).toThrow(expect.objectContaining({ code: "bad_request", message: expect.stringContaining(problem) }));
  });

  it("reserves information_schema and pg_catalog as top-level namespaces only", () => {
    expect(() => validateNamespace(["INFORMATION_SCHEMA"])).toThrow("reserved");
    expect(() => validateNamespace(["pg_catalog", "x"])).toThrow("reserved");
    expect(validateNamespace(["sales", "information_schema"])).toEqual(["sales", "information_schema"]);
    expect(() => validateNamespace([])).toThrow("at least one level");
  });

  it("shows names with dots and slashes quoted, and keeps folders safe", () => {
    expect(displayName(["new.db"], "tab/le")).toBe('"new.db"."tab/le"');
    expect(displayName(["sales"], "orders")).toBe("sales.orders");
    expect(folderName("tab/le")).toBe("tab_le");
    expect(folderName("..")).toBe("_");
  });
});
