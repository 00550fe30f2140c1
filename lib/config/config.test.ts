import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, providerOf, readConfig, redactUrl, sqliteFilePath } from "./index";

describe("readConfig", () => {
  it("defaults to the embedded setup under ./data", () => {
    const config = readConfig({});
    expect(config.dataDir).toBe(path.resolve("data"));
    expect(config.databaseUrl).toBe(`file:${path.resolve("data/tarn.db")}`);
    expect(config.databaseProvider).toBe("sqlite");
    expect(config.warehouseDir).toBe(path.resolve("data/warehouse"));
    expect(config.port).toBe(3000);
  });

  it("honours TARN_DATA_DIR, DATABASE_URL and PORT", () => {
    const config = readConfig({ TARN_DATA_DIR: "/srv/tarn", DATABASE_URL: "postgres://tarn:pw@db:5432/tarn", PORT: "8080" });
    expect(config).toMatchObject({ dataDir: "/srv/tarn", warehouseDir: "/srv/tarn/warehouse", databaseProvider: "postgresql", port: 8080 });
  });

  it("rejects a bad PORT and an unknown database URL with a clear message", () => {
    expect(() => readConfig({ PORT: "http" })).toThrow(ConfigError);
    expect(() => readConfig({ PORT: "70000" })).toThrow(/PORT must be a whole number/);
    expect(() => providerOf("mysql://root:pw@h/db")).toThrow(/DATABASE_URL must start with file: .* got "mysql:\/\/root:\*\*\*@h\/db"/);
  });
});

describe("helpers", () => {
  it("resolves file: URLs and redacts passwords", () => {
    expect(sqliteFilePath("file:./x.db")).toBe(path.resolve("x.db"));
    expect(sqliteFilePath("file:/abs/x.db?mode=rwc")).toBe("/abs/x.db");
    expect(redactUrl("postgres://u:secret@host/db")).toBe("postgres://u:***@host/db");
    expect(redactUrl("postgres://host/db")).toBe("postgres://host/db");
  });
});
