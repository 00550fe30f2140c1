/**
 * Notebooks end to end, in Chromium against the demo data (demo.sales.order_lines holds
 * about a million rows): write SQL with autocomplete, run it, page through the whole
 * result, sort, chart, export, cancel, see a refusal, and find it all saved.
 */
import { readFileSync } from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { seedUser, uniqueName } from "./support/seed";
import { forbidExternalRequests, signInViaApi } from "./support/session";

async function newNotebook(page: Page, title: string): Promise<string> {
  await page.goto("/notebooks");
  await page.getByRole("button", { name: "New notebook" }).click();
  await expect(page).toHaveURL(/\/notebooks\/[\w-]+$/);
  await page.getByRole("button", { name: "Rename" }).click();
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("dialog").getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.getByRole("combobox", { name: "Current catalog" }).selectOption("demo");
  await page.getByRole("combobox", { name: "Current namespace" }).selectOption({ label: "sales" });
  return new URL(page.url()).pathname;
}

const cell = (page: Page, n: number) => page.getByRole("article", { name: `Cell ${n}`, exact: true });

/** Types into a cell's Monaco editor (the editor must have loaded). */
async function typeSql(page: Page, n: number, text: string): Promise<void> {
  const editor = cell(page, n).locator(".monaco-editor");
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.type(text);
  await page.keyboard.press("Escape");
}

async function editorText(page: Page, n: number): Promise<string> {
  return ((await cell(page, n).locator(".monaco-editor .view-lines").textContent()) ?? "").replace(/\u00a0/g, " ").trim();
}

function summary(c: Locator): Locator {
  return c.getByTestId("run-summary");
}

async function rowCountOf(c: Locator): Promise<number> {
  await expect(summary(c)).toContainText(/[\d,]+ rows?/, { timeout: 60_000 });
  const text = (await summary(c).textContent()) ?? "";
  return Number((text.match(/([\d,]+) rows?/)?.[1] ?? "0").replace(/,/g, ""));
}

test("an analyst writes SQL with autocomplete, pages to the end of a million rows, sorts, charts, exports CSV and finds it saved", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const external = forbidExternalRequests(page, baseURL as string);
  const analyst = await seedUser("analyst");
  await signInViaApi(page, analyst.username, analyst.password);
  const title = uniqueName("Order lines");
  const path = await newNotebook(page, title);

  const first = cell(page, 1);
  await expect(first.locator(".monaco-editor")).toBeVisible();
  await first.locator(".monaco-editor").click();
  await page.keyboard.type("SELECT * FROM order_l");
  const suggestion = page.locator(".suggest-widget .monaco-list-row", { hasText: "order_lines" });
  await expect(suggestion.first()).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press("Tab");
  await expect.poll(() => editorText(page, 1)).toBe("SELECT * FROM order_lines");
  await first.locator(".view-line span", { hasText: "order_lines" }).last().hover();
  await expect(page.locator(".monaco-hover").filter({ hasText: "demo.sales.order_lines" })).toContainText("One row per product in an order", { timeout: 30_000 });
  await first.locator(".monaco-editor").click();
  await page.keyboard.press("End");

  // Ctrl+Enter runs the cell; the whole result is kept and paged by the grid.
  await page.keyboard.press("ControlOrMeta+Enter");
  const total = await rowCountOf(first);
  expect(total).toBeGreaterThan(900_000);
  await expect(summary(first)).toContainText(/scanned/);
  const grid = first.getByTestId("result-grid");
  await expect(grid.getByRole("gridcell").first()).toBeVisible();
  await grid.locator('[role="gridcell"]').first().click();
  await page.keyboard.press("ControlOrMeta+End");
  const lastRow = grid.locator(`[role="row"][aria-rowindex="${total + 1}"]`);
  await expect(lastRow).toBeVisible({ timeout: 30_000 });
  await expect(lastRow.locator('[col-id="c0"]')).toHaveText(/^\d+$/);

  // Sorting goes to the server: the largest order id comes first, from the whole result.
  await grid.locator('.ag-header-cell[col-id="c0"] .ag-header-cell-label').click();
  await grid.locator('.ag-header-cell[col-id="c0"] .ag-header-cell-label').click();
  await expect(grid.locator('.ag-header-cell[col-id="c0"]')).toHaveAttribute("aria-sort", "descending");
  const top = grid.locator('[role="row"][aria-rowindex="2"] [col-id="c0"]');
  await expect(top).toHaveText(/^\d+$/);
  expect(Number(await top.textContent())).toBeGreaterThan(240_000);

  // A second cell: Shift+Enter runs it and moves on (adding a cell after the last one).
  await first.getByRole("button", { name: "Add a SQL cell below Cell 1" }).click();
  await typeSql(page, 2, 'SELECT status, count(*) AS "orders, all" FROM orders GROUP BY status ORDER BY status');
  await page.keyboard.press("Shift+Enter");
  await expect(cell(page, 3)).toBeVisible();
  const second = cell(page, 2);
  expect(await rowCountOf(second)).toBe(5);
  // The grid's filter runs on the server too.
  const statuses = second.getByTestId("result-grid").locator('[role="gridcell"][col-id="c0"]');
  await expect(statuses).toHaveCount(5);
  // A column whose name has a comma sorts on the server like any other.
  const counts = second.getByTestId("result-grid").locator('[role="gridcell"][col-id="c1"]');
  await second.locator('.ag-header-cell[col-id="c1"] .ag-header-cell-label').click();
  await second.locator('.ag-header-cell[col-id="c1"] .ag-header-cell-label').click();
  await expect(second.locator('.ag-header-cell[col-id="c1"]')).toHaveAttribute("aria-sort", "descending");
  await expect.poll(async () => {
    const values = (await counts.allTextContents()).map(Number);
    return values.length === 5 && values.every((v, i) => i === 0 || values[i - 1] >= v) && values[0] > values[4];
  }).toBe(true);
  await second.locator('.ag-header-cell[col-id="c0"] .ag-header-cell-filter-button').click();
  await page.locator(".ag-filter").getByRole("textbox", { name: "Filter Value" }).fill("ship");
  await page.locator(".ag-filter").getByRole("button", { name: "Apply" }).click();
  await expect(statuses).toHaveText(["shipped"], { timeout: 30_000 });

  await second.getByRole("button", { name: "Chart" }).click();
  const chart = second.getByTestId("chart");
  await expect(chart.locator(".recharts-bar-rectangle")).toHaveCount(5);
  await second.getByRole("combobox", { name: "Chart" }).selectOption("pie");
  await expect(chart.locator(".recharts-pie-sector")).toHaveCount(5);

  const [download] = await Promise.all([page.waitForEvent("download"), second.getByRole("button", { name: "CSV" }).click()]);
  const csv = readFileSync(await download.path(), "utf8").trim().split("\n");
  expect(csv[0]).toBe('status,"orders, all"');
  expect(csv.slice(1).map((line) => line.split(",")[0])).toEqual(["cancelled", "delivered", "processing", "returned", "shipped"]);
  const [json] = await Promise.all([page.waitForEvent("download"), second.getByRole("button", { name: "JSON" }).click()]);
  expect((JSON.parse(readFileSync(await json.path(), "utf8")) as { status: string }[]).map((row) => row.status)).toHaveLength(5);
  const [parquet] = await Promise.all([page.waitForEvent("download"), second.getByRole("button", { name: "PARQUET" }).click()]);
  expect(readFileSync(await parquet.path()).subarray(0, 4).toString()).toBe("PAR1");

  await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Current catalog" })).toHaveValue("demo");
  await expect.poll(() => editorText(page, 1)).toBe("SELECT * FROM order_lines");
  await expect.poll(() => editorText(page, 2)).toContain("GROUP BY status");
  await expect(cell(page, 2).getByRole("combobox", { name: "Chart" })).toHaveValue("pie");
  await page.goto("/notebooks");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  expect(external).toEqual([]);
});

test("a long query is cancelled, a refused statement says why, parameters are bound, history reopens a query", async ({ page }) => {
  test.setTimeout(120_000);
  const analyst = await seedUser("analyst");
  await signInViaApi(page, analyst.username, analyst.password);
  await newNotebook(page, uniqueName("Cancel"));

  await typeSql(page, 1, "SELECT sum(a.quantity * b.quantity) FROM order_lines a CROSS JOIN order_lines b");
  await cell(page, 1).getByRole("button", { name: "Run Cell 1" }).click();
  await expect(cell(page, 1).getByRole("status").filter({ hasText: /Running|Waiting/ })).toBeVisible({ timeout: 30_000 });
  await cell(page, 1).getByRole("button", { name: "Cancel Cell 1" }).click();
  await expect(cell(page, 1).getByRole("status").filter({ hasText: "Cancelled." })).toBeVisible({ timeout: 30_000 });

  await cell(page, 1).getByRole("button", { name: "Add a SQL cell below Cell 1" }).click();
  const mark = uniqueName("mark").replace(/-/g, "_");
  const copy = `COPY (SELECT 1 AS ${mark}) TO 'stolen.csv'`;
  await typeSql(page, 2, copy);
  await cell(page, 2).getByRole("button", { name: "Run Cell 2" }).click();
  const refusal = cell(page, 2).getByRole("alert");
  await expect(refusal).toContainText(/COPY.*not allowed/i, { timeout: 30_000 });
  await expect(refusal).not.toContainText(/\/tmp|\/work|test-data/);

  await cell(page, 2).getByRole("button", { name: "Add a SQL cell below Cell 2" }).click();
  await typeSql(page, 3, "SELECT order_id, status FROM orders WHERE status = :wanted LIMIT 3");
  const value = page.getByRole("textbox", { name: "Value of :wanted" });
  await expect(value).toBeVisible();
  await value.fill("returned");
  await cell(page, 3).getByRole("button", { name: "Run Cell 3" }).click();
  expect(await rowCountOf(cell(page, 3))).toBe(3);
  await expect(cell(page, 3).getByTestId("result-grid").locator('[role="gridcell"][col-id="c1"]').first()).toHaveText("returned");

  await page.getByRole("button", { name: "History" }).click();
  const history = page.getByRole("complementary", { name: "Query history" });
  // The history is searched as one types.
  await history.getByRole("searchbox", { name: "Search query history" }).fill(mark);
  const item = history.getByTestId("history-item");
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute("data-status", "failed");
  await item.getByRole("button", { name: "Open in a cell" }).click();
  await expect.poll(() => editorText(page, 4)).toBe(copy);
});

test("one tab per statement, USE moves the notebook's context, an error is marked in the text; shared view-only, exported and imported", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const owner = await seedUser("analyst");
  const viewer = await seedUser("analyst");
  await signInViaApi(page, owner.username, owner.password);
  await page.goto("/notebooks");
  await page.getByRole("button", { name: "New notebook" }).click();
  await expect(page).toHaveURL(/\/notebooks\/[\w-]+$/);
  const path = new URL(page.url()).pathname;
  await expect(page.getByRole("combobox", { name: "Current catalog" })).toHaveValue("");

  await typeSql(page, 1, "USE demo.sales; SELECT count(*) AS n FROM customers; SELECT nope FROM customers");
  await page.keyboard.press("ControlOrMeta+Enter");
  const tabs = cell(page, 1).getByRole("tablist", { name: "Results of Cell 1" });
  await expect(tabs.getByRole("tab")).toHaveCount(3, { timeout: 30_000 });
  await expect(tabs.getByRole("tab", { name: /Statement 3/ })).toHaveAttribute("data-status", "failed", { timeout: 30_000 });
  await expect(page.getByRole("combobox", { name: "Current catalog" })).toHaveValue("demo");
  await tabs.getByRole("tab", { name: /Statement 2/ }).click();
  expect(await rowCountOf(cell(page, 1))).toBe(1);
  await tabs.getByRole("tab", { name: /Statement 3/ }).click();
  await expect(cell(page, 1).getByRole("alert")).toContainText(/nope/);
  await expect(cell(page, 1).locator(".monaco-editor .squiggly-error")).toHaveCount(1);

  await page.getByRole("button", { name: "Share" }).click();
  const dialog = page.getByRole("dialog", { name: "Share notebook" });
  await dialog.getByRole("combobox", { name: "Username" }).fill(viewer.username);
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByRole("list", { name: "Shared with" })).toContainText(`${viewer.username} · can view`);
  await dialog.getByRole("button", { name: "Done" }).click();

  // A Markdown cell, moved above the SQL.
  await cell(page, 1).getByRole("button", { name: "Add a Markdown cell below Cell 1" }).click();
  await cell(page, 2).getByRole("textbox", { name: "Markdown of Cell 2" }).fill("# Customer notes");
  await cell(page, 2).getByRole("button", { name: "Done" }).click();
  await expect(cell(page, 2).getByRole("heading", { name: "Customer notes" })).toBeVisible();
  await cell(page, 2).getByRole("button", { name: "Move Cell 2 up" }).click();
  await expect(cell(page, 1).getByRole("heading", { name: "Customer notes" })).toBeVisible();

  await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export .sql" }).click()]);
  const file = await download.path();
  const text = readFileSync(file, "utf8");
  expect(text.indexOf("-- # Customer notes")).toBeGreaterThan(0);
  expect(text.indexOf("-- # Customer notes")).toBeLessThan(text.indexOf("SELECT count(*) AS n FROM customers"));

  const other = await (await browser.newContext()).newPage();
  await signInViaApi(other, viewer.username, viewer.password);
  await other.goto(path);
  await expect(other.getByText(/Shared with you: view only/)).toBeVisible();
  await expect(other.getByRole("button", { name: "Rename" })).toHaveCount(0);
  await expect(other.getByRole("button", { name: "Delete Cell 1" })).toHaveCount(0);
  await expect.poll(() => editorText(other, 2)).toContain("SELECT count(*) AS n FROM customers");
  // Viewing is enough to run it (reading the tables is the engine's question, not the notebook's).
  await other.getByRole("button", { name: "Run all" }).click();
  await expect(cell(other, 2).getByRole("tablist", { name: "Results of Cell 2" }).getByRole("tab")).toHaveCount(3, { timeout: 30_000 });

  await other.goto("/notebooks");
  await other.getByLabel("Import a notebook file").setInputFiles({ name: "copy.sql", mimeType: "application/sql", buffer: readFileSync(file) });
  await expect(other).toHaveURL(/\/notebooks\/[\w-]+$/);
  expect(new URL(other.url()).pathname).not.toBe(path);
  await expect(other.getByRole("button", { name: "Rename" })).toBeVisible();
  await expect(cell(other, 1).getByRole("heading", { name: "Customer notes" })).toBeVisible();
  await expect.poll(() => editorText(other, 2)).toContain("SELECT nope FROM customers");
  await expect(other.getByRole("combobox", { name: "Current catalog" })).toHaveValue("demo");

  // The owner deletes it: gone for the viewer too (their imported copy stays theirs).
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("dialog", { name: "Delete notebook" }).getByRole("button", { name: "Delete notebook" }).click();
  await expect(page).toHaveURL(/\/notebooks$/);
  expect((await other.goto(path))?.status()).toBe(404);
});
