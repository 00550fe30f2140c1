import { describe, expect, it } from "vitest";
import { runId } from "./records";

describe("runId", () => {
  it("makes ids that sort in the order they were made, many within one millisecond", () => {
    const ids = Array.from({ length: 2000 }, () => runId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it("makes ids of letters and digits only (results are kept in files named after them)", () => {
    expect(runId()).toMatch(/^[a-z0-9]{26}$/);
  });
});
