import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadSecretsKey, openSecret, sealSecret } from "./secret-box";

const dataDir = mkdtempSync(path.join(tmpdir(), "tarn-secrets-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("secret box", () => {
  const key = loadSecretsKey({ env: {}, dataDir });
  const connection = JSON.stringify({
    type: "postgresql",
    host: "db",
    user: "app",
    password: "hunter2-Very-Secret",
  });

  it("creates the key file once, private to the server's user", () => {
    const file = path.join(dataDir, ".secrets-key");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSecretsKey({ env: {}, dataDir }).equals(key)).toBe(true);
    expect(Buffer.from(readFileSync(file, "utf8").trim(), "base64")).toHaveLength(32);
  });

  it("stores nothing readable: the sealed text holds neither the password nor the settings", () => {
    const sealed = sealSecret(connection, key);
    expect(sealed).toMatch(/^tarn-secret:v1:[0-9a-f]{8}:/);
    expect(sealed).not.toContain("hunter2");
    expect(sealed).not.toContain(Buffer.from("hunter2").toString("base64"));
    expect(sealed).not.toContain("postgresql");
    expect(sealSecret(connection, key)).not.toBe(sealed); // a fresh IV each time
    expect(openSecret(sealed, key)).toBe(connection);
  });

  it("says when a secret was sealed with another key or altered", () => {
    const sealed = sealSecret(connection, key);
    const other = loadSecretsKey({ env: { TARN_SECRETS_KEY: "ab".repeat(32) } });
    expect(() => openSecret(sealed, other)).toThrow(/sealed with another key/);
    const parts = sealed.split(":");
    // Another first character, whatever the fresh IV made it (replacing it with "A" left it as it was one time in 64).
    parts[5] = `${parts[5][0] === "A" ? "B" : "A"}${parts[5].slice(1)}`;
    expect(() => openSecret(parts.join(":"), key)).toThrow(/altered/);
    expect(() => openSecret("plain text", key)).toThrow(/not in a form Tarn writes/);
  });

  it("takes TARN_SECRETS_KEY as base64 or hex, and refuses other lengths", () => {
    const raw = Buffer.alloc(32, 7);
    expect(loadSecretsKey({ env: { TARN_SECRETS_KEY: raw.toString("base64") } }).equals(raw)).toBe(
      true,
    );
    expect(loadSecretsKey({ env: { TARN_SECRETS_KEY: raw.toString("hex") } }).equals(raw)).toBe(
      true,
    );
    expect(() => loadSecretsKey({ env: { TARN_SECRETS_KEY: "short" } })).toThrow(
      /must be 32 bytes/,
    );
  });
});
