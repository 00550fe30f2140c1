import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTable, dropTable, listTrash } from "@/lib/catalog";
import { testCatalog, type TestCatalog } from "@/tests/support/catalog";
import { purgeDueTrash } from "./index";

let t: TestCatalog;
beforeAll(async () => {
  t = await testCatalog();
});
afterAll(() => t.close());

describe("trash purge", () => {
  it("purges what is past retention and keeps what is not", async () => {
    const schema = { type: "struct" as const, schemaId: 0, fields: [{ id: 1, name: "id", type: "long", required: true }] };
    await createTable(t.ctx, { catalog: "lake", namespace: ["db"], name: "old" }, { schema });
    await dropTable(t.ctx, { catalog: "lake", namespace: ["db"], name: "old" });
    expect((await listTrash(t.ctx)).map((i) => i.name)).toContain("old");
    expect(await purgeDueTrash(t.ctx, new Date())).toBe(0);
    const eightDaysLater = new Date(Date.now() + 8 * 86_400_000);
    expect(await purgeDueTrash(t.ctx, eightDaysLater)).toBe(1);
    expect((await listTrash(t.ctx)).map((i) => i.name)).not.toContain("old");
  });
});
