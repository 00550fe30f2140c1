import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/access";
import { applyUpdates, type TableCommit, type TableUpdate } from "@/lib/iceberg/commit";
import type { Schema, TableMetadata } from "@/lib/iceberg/spec";
import { testCatalog, type TestCatalog } from "@/tests/support/catalog";
import { appendRows, type CommitBase, commitTables, createTable, loadTable, readTableMetadata } from "./index";
import { nextMetadataLocation, writeTableMetadata } from "./metadata-files";

let t: TestCatalog;
beforeAll(async () => {
  t = await testCatalog();
  for (const name of ["a", "b", "c"]) await createTable(t.ctx, ident(name), { schema });
});
afterAll(() => t.close());

const ident = (name: string) => ({ catalog: "lake", namespace: ["db"], name });
const schema: Schema = { type: "struct", schemaId: 0, fields: [{ id: 1, name: "id", type: "long", required: false }] };
const setProps = (updates: Record<string, string>, requirements: TableCommit["requirements"] = []): TableCommit => ({ requirements, updates: [{ action: "set-properties", updates }] });

const pointers = async () => Promise.all(["a", "b", "c"].map(async (n) => (await loadTable(t.ctx, ident(n))).metadataLocation));
const metadataFiles = (name: string) => loadTable(t.ctx, ident(name)).then((l) => readdirSync(path.dirname(l.metadataLocation)).length);

/** What another process does: a commit straight through the database, past this process's locks. */
async function foreignCommit(name: string, updates: TableUpdate[]): Promise<void> {
  const row = await t.db.catalogTable.findFirstOrThrow({ where: { name, deletedKey: "" } });
  const base = await readTableMetadata(t.ctx.io, row.metadataLocation as string);
  const next = applyUpdates(base, updates, { now: Date.now(), previousMetadataLocation: row.metadataLocation as string });
  const location = nextMetadataLocation(next.location, row.metadataLocation);
  await writeTableMetadata(t.ctx.io, location, next);
  await t.db.catalogTable.update({ where: { id: row.id }, data: { metadataLocation: location } });
}

describe("commitTables", () => {
  it("commits to every table in one go, audited as one transaction", async () => {
    const results = await commitTables(t.ctx, [
      { ident: ident("a"), build: setProps({ step: "1" }) },
      { ident: ident("b"), build: ({ metadata }) => setProps({ step: "1", seen: metadata.tableUuid }) },
    ]);
    expect(results.map((r) => r.metadata.properties.step)).toEqual(["1", "1"]);
    expect(results.map((r) => r.attempts)).toEqual([1, 1]);
    expect((await pointers()).slice(0, 2)).toEqual(results.map((r) => r.metadataLocation));
    const audit = await listAuditEvents(t.db, { action: "table.commit", limit: 2 });
    expect(audit.map((e) => e.details.transaction)).toEqual([2, 2]);
  });

  it("changes nothing when one requirement fails, and leaves no metadata file behind", async () => {
    const before = await pointers();
    const files = await Promise.all(["a", "b"].map(metadataFiles));
    const wrongUuid = [{ type: "assert-table-uuid" as const, uuid: "00000000-0000-0000-0000-000000000000" }];
    await expect(commitTables(t.ctx, [{ ident: ident("a"), build: setProps({ step: "2" }) }, { ident: ident("b"), build: setProps({ step: "2" }, wrongUuid) }])).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("Commit to db.b failed: the table UUID has changed"),
    });
    await expect(commitTables(t.ctx, [{ ident: ident("a"), build: setProps({ step: "2" }) }, { ident: ident("b"), build: { requirements: [], updates: [{ action: "set-current-schema", schemaId: 9 }] } }])).rejects.toMatchObject({ code: "bad_request" });
    expect(await pointers()).toEqual(before);
    expect(await Promise.all(["a", "b"].map(metadataFiles))).toEqual(files);
  });

  it("retries the whole set when another process wins a race, while the requirements hold", async () => {
    const before = await loadTable(t.ctx, ident("a"));
    const filesBefore = await metadataFiles("a");
    let raced = false;
    const results = await commitTables(t.ctx, [
      { ident: ident("a"), build: setProps({ step: "3" }) },
      {
        ident: ident("b"),
        build: async ({ attempt }: CommitBase) => {
          if (attempt === 1) {
            await foreignCommit("b", [{ action: "set-properties", updates: { foreign: "yes" } }]);
            raced = true;
          }
          return setProps({ step: "3" });
        },
      },
    ]);
    expect(raced).toBe(true);
    expect(results.map((r) => r.attempts)).toEqual([2, 2]);
    expect(results[1].metadata.properties).toMatchObject({ foreign: "yes", step: "3" });
    // Attempt 1's file for a was deleted: a moved once, from its old file to attempt 2's.
    expect(results[0].metadata.metadataLog.at(-1)?.metadataFile).toBe(before.metadataLocation);
    expect(await metadataFiles("a")).toBe(filesBefore + 1);
  });

  it("fails, changing nothing, when the race broke a requirement", async () => {
    const before = await pointers();
    const schemaRequirement = [{ type: "assert-current-schema-id" as const, currentSchemaId: 0 }];
    const newSchema: Schema = { ...schema, fields: [...schema.fields, { id: 2, name: "x", type: "int", required: false }] };
    const build = async ({ attempt }: CommitBase) => {
      if (attempt === 1) await foreignCommit("b", [{ action: "add-schema", schema: newSchema }, { action: "set-current-schema", schemaId: -1 }]);
      return setProps({ step: "4" }, schemaRequirement);
    };
    await expect(commitTables(t.ctx, [{ ident: ident("a"), build: setProps({ step: "4" }) }, { ident: ident("b"), build }])).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("current schema has changed") });
    const after = await pointers();
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]); // the foreign commit, only
  });

  it("takes locks in a stable order: opposite orders and concurrent appends all land", async () => {
    const bump = (key: string) => ({ metadata }: { metadata: TableMetadata }) => setProps({ [key]: String(Number(metadata.properties[key] ?? 0) + 1) });
    const runs = Array.from({ length: 6 }, (_, i) => {
      const pair = i % 2 === 0 ? ["a", "c"] : ["c", "a"];
      return commitTables(t.ctx, pair.map((n) => ({ ident: ident(n), build: bump("n") })));
    });
    const appends = Array.from({ length: 3 }, (_, i) => appendRows(t.ctx, ident("c"), t.duck, `SELECT ${i} AS id`));
    await Promise.all([...runs, ...appends]);
    const [a, c] = await Promise.all([loadTable(t.ctx, ident("a")), loadTable(t.ctx, ident("c"))]);
    expect(a.metadata.properties.n).toBe("6");
    expect(c.metadata.properties.n).toBe("6");
    expect(c.metadata.snapshots).toHaveLength(3);
  });

  it("refuses an empty set, a table named twice, and a missing table", async () => {
    await expect(commitTables(t.ctx, [])).rejects.toMatchObject({ code: "bad_request" });
    await expect(commitTables(t.ctx, [{ ident: ident("a"), build: setProps({}) }, { ident: ident("a"), build: setProps({}) }])).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("more than once") });
    await expect(commitTables(t.ctx, [{ ident: ident("a"), build: setProps({}) }, { ident: ident("zzz"), build: setProps({}) }])).rejects.toMatchObject({ code: "not_found" });
  });
});
