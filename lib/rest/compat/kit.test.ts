import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { icebergFixture } from "@/lib/iceberg/spec/test-fixtures";
import { NOT_PORTED } from "./not-ported";

const KIT = readFileSync(icebergFixture("expected/rest-compat-kit-test-names.txt"), "utf8").split("\n").map((l) => l.trim()).filter(Boolean);

function portedNames(): string[] {
  return ["catalog-tests.int.test.ts", "view-catalog-tests.int.test.ts"].flatMap((file) => {
    const text = readFileSync(path.join(import.meta.dirname, file), "utf8");
    return [...text.matchAll(/^\s+it\("([A-Za-z0-9]+)"/gm)].map((m) => m[1]);
  });
}

describe("the REST compatibility kit port", () => {
  it("covers every scenario of the kit exactly once: ported under its name, or listed with a reason", () => {
    const ported = portedNames();
    expect(new Set(ported).size, "a name ported twice").toBe(ported.length);
    const covered = [...ported, ...Object.keys(NOT_PORTED)];
    expect([...covered].sort()).toEqual([...KIT].sort());
    for (const reason of Object.values(NOT_PORTED)) expect(reason.length).toBeGreaterThan(40);
  });

  it("ports 147 of the kit's 154 scenarios", () => {
    expect(KIT).toHaveLength(154);
    expect(portedNames()).toHaveLength(147);
  });
});
