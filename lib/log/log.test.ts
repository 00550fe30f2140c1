import { afterEach, describe, expect, it, vi } from "vitest";
import { log, redact } from "./index";

describe("redact", () => {
  it("hides secret-looking keys at any depth and keeps the rest", () => {
    const out = redact({ user: "ada", password: "hunter2", nested: { apiKey: "k", Authorization: "Bearer x", ok: 1 }, list: [{ token: "t" }] });
    expect(out).toEqual({ user: "ada", password: "[redacted]", nested: { apiKey: "[redacted]", Authorization: "[redacted]", ok: 1 }, list: [{ token: "[redacted]" }] });
  });

  it("renders bigint and errors safely", () => {
    expect(redact({ id: 2n ** 63n - 1n })).toEqual({ id: "9223372036854775807" });
    expect(redact({ error: new Error("boom") })).toEqual({ error: { name: "Error", message: "boom" } });
  });
});

describe("log", () => {
  afterEach(() => vi.restoreAllMocks());

  it("writes one JSON line per event, without the secret", () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    log.info("action", { name: "users.create", user: "ada", ms: 12, password: "s3cret-pass" });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ level: "info", event: "action", name: "users.create", user: "ada", ms: 12, password: "[redacted]" });
    expect(lines[0]).not.toContain("s3cret-pass");
  });
});
