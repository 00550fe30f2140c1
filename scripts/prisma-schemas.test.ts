import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROVIDERS, ROOT, readModels } from "./prisma-schemas.ts";

describe("migrations", () => {
  for (const provider of PROVIDERS) {
    it(`${provider}: the last migration matches prisma/models.prisma (run npm run db:migration -- <name> after changing models)`, () => {
      const dir = path.join(ROOT, "prisma/migrations", provider);
      const last = readdirSync(dir).filter((d) => /^\d{4}_/.test(d)).sort().at(-1)!;
      expect(readFileSync(path.join(dir, last, "models.prisma"), "utf8")).toBe(readModels());
    });
  }

  it("both providers have the same migration names", () => {
    const names = PROVIDERS.map((p) => readdirSync(path.join(ROOT, "prisma/migrations", p)).sort());
    expect(names[0]).toEqual(names[1]);
  });
});
