import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserPrincipal } from "@/lib/access";
import { gt } from "@/lib/iceberg/expr";
import type { Schema } from "@/lib/iceberg/spec";
import { testCatalog, type TestCatalog } from "@/tests/support/catalog";
import { expectRestSchema } from "@/tests/support/rest-spec";
import { appendRows, commitTable, createTable, deleteRows, dropTable, listTables, loadTable, renameTable, scanTable } from "./index";

let t: TestCatalog;
beforeAll(async () => {
  t = await testCatalog();
});
afterAll(() => t.close());

const ident = (name: string) => ({ catalog: "lake", namespace: ["db"], name });
const schema: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "id", type: "long", required: true },
    { id: 2, name: "day", type: "date", required: false },
    { id: 3, name: "label", type: "string", required: false },
  ],
};
const analyst: UserPrincipal = { kind: "user", userId: "u", username: "ana", displayName: null, role: "analyst", groupIds: [] };

async function count(name: string): Promise<number> {
  const { sql } = await scanTable(t.ctx, ident(name));
  return Number((await t.rows(`SELECT count(*) AS n FROM ${sql} s`))[0].n);
}

describe("managed tables", () => {
  it("creates a table in the catalog's folder, with valid v2 metadata", async () => {
    const table = await createTable(t.ctx, ident("events"), { schema, partitionBy: [{ column: "day", transform: "month" }], properties: { comment: "Things that happened" } });
    expect(table.metadataLocation.startsWith(t.warehouse)).toBe(true);
    expect(table.metadataLocation).toMatch(/\/lake\/db\/events-[0-9a-f]{32}\/metadata\/00000-[0-9a-f-]{36}\.metadata\.json$/);
    expect(table.metadata.formatVersion).toBe(2);
    expect(table.metadata.partitionSpecs[0].fields).toEqual([{ sourceId: 2, fieldId: 1000, name: "day_month", transform: "month" }]);
    expect(await listTables(t.ctx, { catalog: "lake", namespace: ["db"] })).toContain("events");
    await expect(createTable(t.ctx, ident("events"), { schema })).rejects.toMatchObject({ code: "conflict", message: "Table db.events already exists." });
    await expect(createTable(t.ctx, ident("bad"), { schema, partitionBy: [{ column: "nope", transform: "day" }] })).rejects.toMatchObject({ code: "bad_request" });
    await expect(createTable(t.ctx, ident("bad"), { schema, partitionBy: [{ column: "label", transform: "month" }] })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("of type string") });
  });

  it("appends rows as one commit each, readable at every snapshot", async () => {
    await appendRows(t.ctx, ident("events"), t.duck, "SELECT range AS id, DATE '2024-01-01' + range::INTEGER AS day, 'a' || range AS label FROM range(100)");
    const second = await appendRows(t.ctx, ident("events"), t.duck, "SELECT 100 + range AS id, DATE '2024-06-01' AS day, 'b' AS label FROM range(50)");
    expect(await count("events")).toBe(150);
    expect(second.metadata.snapshots).toHaveLength(2);
    const first = second.metadata.snapshots[0].snapshotId;
    const { sql } = await scanTable(t.ctx, ident("events"), { snapshot: { type: "snapshot-id", snapshotId: first } });
    expect((await t.rows(`SELECT count(*) AS n FROM ${sql} s`))[0].n).toBe("100");
    // Precision of ids does not matter for a shape check, so plain JSON.parse is fine here.
    expectRestSchema("TableMetadata", await readJson(second.metadataLocation));
  });

  it("deletes rows by filter", async () => {
    await deleteRows(t.ctx, ident("events"), t.duck, gt("id", 139));
    expect(await count("events")).toBe(140);
  });

  it("a NULL in a required column fails clearly and leaves the table as it was", async () => {
    const before = await loadTable(t.ctx, ident("events"));
    await expect(appendRows(t.ctx, ident("events"), t.duck, "SELECT NULL::BIGINT AS id, NULL::DATE AS day, 'x' AS label")).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("id") });
    const after = await loadTable(t.ctx, ident("events"));
    expect(after.metadataLocation).toBe(before.metadataLocation);
  });

  it("loses no commit when four writers append at once", async () => {
    await createTable(t.ctx, ident("contended"), { schema });
    const writers = Array.from({ length: 4 }, (_, w) => (async () => {
      for (let i = 0; i < 5; i++) await appendRows(t.ctx, ident("contended"), t.duck, `SELECT ${w * 100 + i} AS id, NULL::DATE AS day, 'w${w}' AS label`);
    })());
    await Promise.all(writers);
    const table = await loadTable(t.ctx, ident("contended"));
    expect(table.metadata.snapshots).toHaveLength(20);
    expect(await count("contended")).toBe(20);
  });

  it("a commit whose requirement no longer holds fails with a clear message", async () => {
    const table = await loadTable(t.ctx, ident("events"));
    await expect(
      commitTable(t.ctx, ident("events"), () => ({ requirements: [{ type: "assert-ref-snapshot-id", ref: "main", snapshotId: 1n }], updates: [{ action: "set-properties", updates: { a: "b" } }] })),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("Commit to db.events failed") });
    expect((await loadTable(t.ctx, ident("events"))).metadataLocation).toBe(table.metadataLocation);
  });

  it("renames, refuses analysts a drop, and purges a managed table's files", async () => {
    await renameTable(t.ctx, ident("contended"), ident("renamed"));
    const table = await loadTable(t.ctx, ident("renamed"));
    await expect(dropTable(t.as(analyst), ident("renamed"), { purge: true })).rejects.toMatchObject({ code: "forbidden" });
    await dropTable(t.ctx, ident("renamed"), { purge: true });
    await expect(loadTable(t.ctx, ident("renamed"))).rejects.toMatchObject({ code: "not_found" });
    const folder = path.dirname(path.dirname(table.metadataLocation));
    expect(existsSync(folder) ? readdirSync(folder, { recursive: true }).filter((f) => !String(f).match(/^(data|metadata)$/)) : []).toEqual([]);
  });

  it("drop without purge keeps the files", async () => {
    const table = await loadTable(t.ctx, ident("events"));
    await dropTable(t.ctx, ident("events"));
    expect(existsSync(table.metadataLocation)).toBe(true);
  });
});

async function readJson(location: string): Promise<unknown> {
  const { readFile } = await import("node:fs/promises");
  return JSON.parse(await readFile(location, "utf8"));
}
