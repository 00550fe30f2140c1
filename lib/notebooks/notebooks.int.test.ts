import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents, SYSTEM, type UserPrincipal } from "@/lib/access";
import { createUser } from "@/lib/auth";
import { freshDatabase, type TestDatabase } from "@/tests/support/db";
import {
  addCell,
  createNotebook,
  deleteCell,
  deleteNotebook,
  duplicateNotebook,
  exportNotebook,
  importNotebook,
  listNotebooks,
  listShares,
  loadNotebook,
  moveCell,
  renameNotebook,
  setNotebookContext,
  setNotebookParameters,
  shareNotebook,
  suggestSharees,
  unshareNotebook,
  updateCell,
} from "./index";

let t: TestDatabase;
let ann: UserPrincipal;
let bob: UserPrincipal;
let cat: UserPrincipal;
let groupId: string;

const principal = (userId: string, username: string, groupIds: string[] = []): UserPrincipal => ({ kind: "user", userId, username, displayName: null, role: "analyst", groupIds });

beforeAll(async () => {
  t = await freshDatabase();
  const ids = await Promise.all(["ann", "bob", "cat"].map((username) => createUser(t.db, SYSTEM, { username, role: "analyst", password: `${username}-password-1` })));
  groupId = (await t.db.group.create({ data: { name: "finance" } })).id;
  ann = principal(ids[0].id, "ann");
  bob = principal(ids[1].id, "bob");
  cat = principal(ids[2].id, "cat", [groupId]);
});
afterAll(() => t.drop());

const sources = async (id: string, who = ann) => (await loadNotebook(t.db, who, id)).cells.map((c) => `${c.position}:${c.source}`);

describe("notebooks", () => {
  it("creates a notebook with one empty SQL cell, audited, listed for its owner only", async () => {
    const { id } = await createNotebook(t.db, ann, { title: "First" });
    const notebook = await loadNotebook(t.db, ann, id);
    expect(notebook).toMatchObject({ title: "First", access: "owner", catalog: null, namespace: null, parameters: {}, cells: [{ position: 0, kind: "sql", source: "" }] });
    expect((await listNotebooks(t.db, ann)).map((n) => n.id)).toContain(id);
    expect((await listNotebooks(t.db, bob)).map((n) => n.id)).not.toContain(id);
    expect((await listAuditEvents(t.db, { action: "notebook.create" })).some((e) => e.targetId === id && e.actorName === "ann")).toBe(true);
  });

  it("adds, moves and deletes cells, keeping positions 0, 1, 2…", async () => {
    const { id } = await createNotebook(t.db, ann, { title: "Cells" });
    const first = (await loadNotebook(t.db, ann, id)).cells[0];
    await updateCell(t.db, ann, id, first.id, { source: "a" });
    const b = await addCell(t.db, ann, id, { source: "b" });
    const c = await addCell(t.db, ann, id, { kind: "markdown", source: "c" });
    await addCell(t.db, ann, id, { source: "z", position: 0 });
    expect(await sources(id)).toEqual(["0:z", "1:a", "2:b", "3:c"]);
    await moveCell(t.db, ann, id, c.id, 0);
    expect(await sources(id)).toEqual(["0:c", "1:z", "2:a", "3:b"]);
    await moveCell(t.db, ann, id, c.id, 99);
    expect(await sources(id)).toEqual(["0:z", "1:a", "2:b", "3:c"]);
    await deleteCell(t.db, ann, id, b.id);
    expect(await sources(id)).toEqual(["0:z", "1:a", "2:c"]);
    expect((await loadNotebook(t.db, ann, id)).cells[2].kind).toBe("markdown");
    await expect(deleteCell(t.db, ann, id, b.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("keeps a chart per cell and refuses a malformed one", async () => {
    const { id } = await createNotebook(t.db, ann);
    const cell = (await loadNotebook(t.db, ann, id)).cells[0];
    await updateCell(t.db, ann, id, cell.id, { chart: { type: "line", x: "day", y: ["n"], group: "channel" } });
    expect((await loadNotebook(t.db, ann, id)).cells[0].chart).toEqual({ type: "line", x: "day", y: ["n"], group: "channel", statement: 0 });
    await expect(updateCell(t.db, ann, id, cell.id, { chart: { type: "donut", x: "a", y: [] } as never })).rejects.toMatchObject({ code: "bad_request" });
    await updateCell(t.db, ann, id, cell.id, { chart: null });
    expect((await loadNotebook(t.db, ann, id)).cells[0].chart).toBeNull();
  });

  it("renames, keeps the current catalog/namespace and parameters", async () => {
    const { id } = await createNotebook(t.db, ann);
    await renameNotebook(t.db, ann, id, "  Revenue  ");
    await setNotebookContext(t.db, ann, id, { catalog: "demo", namespace: ["sales", "eu.west"] });
    await setNotebookParameters(t.db, ann, id, { year: 2024, country: "NL", all: false, none: null });
    expect(await loadNotebook(t.db, ann, id)).toMatchObject({ title: "Revenue", catalog: "demo", namespace: ["sales", "eu.west"], parameters: { year: 2024, country: "NL", all: false, none: null } });
    await expect(renameNotebook(t.db, ann, id, "  ")).rejects.toMatchObject({ code: "bad_request" });
    await expect(setNotebookParameters(t.db, ann, id, { "bad name": 1 })).rejects.toMatchObject({ code: "bad_request" });
    await expect(setNotebookContext(t.db, ann, id, { catalog: null, namespace: ["x"] })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("duplicates into a notebook the copier owns, without the shares", async () => {
    const { id } = await createNotebook(t.db, ann, { title: "Original" });
    await addCell(t.db, ann, id, { kind: "markdown", source: "# notes" });
    await shareNotebook(t.db, ann, id, { principalType: "user", name: "bob", permission: "view" });
    const copy = await duplicateNotebook(t.db, bob, id);
    const loaded = await loadNotebook(t.db, bob, copy.id);
    expect(loaded).toMatchObject({ title: "Copy of Original", access: "owner", owner: { username: "bob" } });
    expect(loaded.cells.map((c) => c.kind)).toEqual(["sql", "markdown"]);
    expect(await listShares(t.db, bob, copy.id)).toEqual([]);
  });

  it("shares for view: listed and readable, every change refused; for edit: changes allowed, sharing and delete not", async () => {
    const { id } = await createNotebook(t.db, ann, { title: "Shared" });
    const cell = (await loadNotebook(t.db, ann, id)).cells[0];
    await expect(loadNotebook(t.db, bob, id)).rejects.toMatchObject({ code: "not_found" });
    await shareNotebook(t.db, ann, id, { principalType: "user", name: "BOB", permission: "view" });
    expect((await listNotebooks(t.db, bob)).find((n) => n.id === id)).toMatchObject({ access: "view", owner: { username: "ann" } });
    expect((await loadNotebook(t.db, bob, id)).access).toBe("view");
    await expect(updateCell(t.db, bob, id, cell.id, { source: "DROP" })).rejects.toMatchObject({ code: "forbidden", message: "This notebook is shared with you read-only." });
    await expect(addCell(t.db, bob, id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(renameNotebook(t.db, bob, id, "mine")).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteNotebook(t.db, bob, id)).rejects.toMatchObject({ code: "forbidden" });
    await shareNotebook(t.db, ann, id, { principalType: "user", name: "bob", permission: "edit" });
    await updateCell(t.db, bob, id, cell.id, { source: "SELECT 1" });
    expect(await sources(id)).toEqual(["0:SELECT 1"]);
    await expect(shareNotebook(t.db, bob, id, { principalType: "user", name: "cat", permission: "edit" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteNotebook(t.db, bob, id)).rejects.toMatchObject({ code: "forbidden" });
    expect((await listAuditEvents(t.db, { action: "notebook.edit" })).some((e) => e.targetId === id && e.outcome === "denied" && e.actorName === "bob")).toBe(true);
  });

  it("shares with a group: its members see it, others do not; unshare takes it away", async () => {
    const { id } = await createNotebook(t.db, ann, { title: "For finance" });
    await shareNotebook(t.db, ann, id, { principalType: "group", name: "finance", permission: "view" });
    expect(await listShares(t.db, ann, id)).toEqual([{ principalType: "group", principalId: groupId, name: "finance", permission: "view" }]);
    expect((await listNotebooks(t.db, cat)).map((n) => n.id)).toContain(id);
    expect((await listNotebooks(t.db, bob)).map((n) => n.id)).not.toContain(id);
    await unshareNotebook(t.db, ann, id, { principalType: "group", principalId: groupId });
    await expect(loadNotebook(t.db, cat, id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listAuditEvents(t.db, { action: "notebook.unshare" })).some((e) => e.targetId === id)).toBe(true);
  });

  it("refuses sharing with nobody or with the owner, and suggests users and groups by prefix", async () => {
    const { id } = await createNotebook(t.db, ann);
    await expect(shareNotebook(t.db, ann, id, { principalType: "user", name: "nobody", permission: "view" })).rejects.toMatchObject({ code: "not_found" });
    await expect(shareNotebook(t.db, ann, id, { principalType: "group", name: "nope", permission: "view" })).rejects.toMatchObject({ code: "not_found" });
    await expect(shareNotebook(t.db, ann, id, { principalType: "user", name: "ann", permission: "edit" })).rejects.toMatchObject({ code: "bad_request" });
    expect(await suggestSharees(t.db, ann, "b")).toEqual([{ principalType: "user", name: "bob" }]);
    expect(await suggestSharees(t.db, ann, "fin")).toEqual([{ principalType: "group", name: "finance" }]);
  });

  it("deletes a notebook with its cells and shares, audited; a stranger cannot tell it existed", async () => {
    const { id } = await createNotebook(t.db, ann, { title: "Doomed" });
    await shareNotebook(t.db, ann, id, { principalType: "user", name: "bob", permission: "edit" });
    await expect(deleteNotebook(t.db, cat, id)).rejects.toMatchObject({ code: "not_found" });
    await deleteNotebook(t.db, ann, id);
    await expect(loadNotebook(t.db, ann, id)).rejects.toMatchObject({ code: "not_found" });
    expect(await t.db.notebookCell.count({ where: { notebookId: id } })).toBe(0);
    expect(await t.db.notebookShare.count({ where: { notebookId: id } })).toBe(0);
    expect((await listAuditEvents(t.db, { action: "notebook.delete" })).some((e) => e.targetId === id)).toBe(true);
  });

  it("exports and imports .sql and .ipynb, round trip through the store", async () => {
    const { id } = await createNotebook(t.db, ann, { title: "Round trip" });
    const first = (await loadNotebook(t.db, ann, id)).cells[0];
    await updateCell(t.db, ann, id, first.id, { source: "SELECT :n AS n", chart: { type: "pie", x: "n", y: ["n"] } });
    await addCell(t.db, ann, id, { kind: "markdown", source: "## Notes\nline" });
    await setNotebookContext(t.db, ann, id, { catalog: "demo", namespace: ["sales"] });
    await setNotebookParameters(t.db, ann, id, { n: 3 });
    const shape = async (nid: string) => {
      const n = await loadNotebook(t.db, ann, nid);
      return { title: n.title, catalog: n.catalog, namespace: n.namespace, parameters: n.parameters, cells: n.cells.map(({ kind, source, chart }) => ({ kind, source, chart })) };
    };
    for (const format of ["sql", "ipynb"] as const) {
      const file = await exportNotebook(t.db, ann, id, format);
      expect(file.filename).toBe(`Round_trip.${format}`);
      const imported = await importNotebook(t.db, ann, { filename: file.filename, text: file.text });
      expect(await shape(imported.id)).toEqual(await shape(id));
    }
    await expect(importNotebook(t.db, ann, { filename: "x.txt", text: "" })).rejects.toMatchObject({ code: "bad_request" });
    await expect(importNotebook(t.db, ann, { filename: "x.ipynb", text: "{" })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("JSON") });
    await expect(exportNotebook(t.db, bob, id, "sql")).rejects.toMatchObject({ code: "not_found" });
  });
});
