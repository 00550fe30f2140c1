import { expect, test } from "@playwright/test";
import { seedWideNamespace } from "./support/catalog-seed";
import { seedUser } from "./support/seed";
import { signInViaApi } from "./support/session";

test("a user browses the tree with the keyboard, opens a table, reads its schema and snapshot history", async ({ page }) => {
  const analyst = await seedUser("analyst");
  await signInViaApi(page, analyst.username, analyst.password);
  await page.goto("/catalog");
  const tree = page.getByRole("tree", { name: "Catalog" });
  const item = (name: string) => tree.getByRole("treeitem", { name, exact: true });

  await item("demo").focus();
  await page.keyboard.press("ArrowRight");
  await expect(item("demo")).toHaveAttribute("aria-expanded", "true");
  await expect(item("sales")).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(item("sales")).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(item("orders")).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(item("customers")).toBeFocused();
  await page.keyboard.press("End");
  await expect(tree.getByRole("treeitem").last()).toBeFocused();
  await page.keyboard.press("Home");
  await expect(tree.getByRole("treeitem").first()).toBeFocused();
  await page.keyboard.type("demo");
  await expect(item("demo")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.type("orders");
  await expect(item("orders")).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/catalog\/demo\/sales\/orders$/);
  await expect(page.getByRole("heading", { level: 1, name: "orders" })).toBeVisible();
  await expect(item("orders")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByText("month(order_date)")).toBeVisible();
  await expect(page.getByText("Rows", { exact: true })).toBeVisible();

  await page.getByRole("tab", { name: "Schema" }).click();
  await expect(page).toHaveURL(/\?tab=schema$/);
  const columns = page.getByRole("table", { name: "Columns" });
  await expect(columns.locator('tr[data-column="order_date"]')).toContainText("date");
  await expect(columns.locator('tr[data-column="total_amount"]')).toContainText("decimal(12, 2)");
  await expect(columns.locator('tr[data-column="order_id"]')).toContainText("required");

  await page.getByRole("tab", { name: "Snapshots" }).click();
  const history = page.getByRole("list", { name: "Snapshots" });
  await expect(history.getByText("tag initial-load")).toBeVisible();
  await expect(history.locator("li").first()).toContainText("current");
  await expect(history.getByText("append").first()).toBeVisible();

  await page.goBack();
  await expect(page.getByRole("tab", { name: "Schema" })).toHaveAttribute("aria-selected", "true");
  await page.goBack();
  await expect(page.getByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true");
});

test("search finds tables by name and by column, best match first, and opens one with the keyboard", async ({ page }) => {
  const analyst = await seedUser("analyst");
  await signInViaApi(page, analyst.username, analyst.password);
  await page.goto("/catalog");
  const search = page.getByRole("combobox", { name: "Search the catalog" });
  const results = page.getByRole("listbox", { name: "Search results" });

  await search.fill("order");
  await expect(results.getByRole("option").first()).toContainText("demo.sales.orders");
  await expect(results.getByRole("option", { name: /demo\.sales\.order_lines/ })).toBeVisible();

  await search.fill("total_amount");
  await expect(results.getByRole("option", { name: /demo\.sales\.orders/ })).toBeVisible();
  await expect(results.getByRole("option", { name: /demo\.sales\.customers/ })).toHaveCount(0);

  await search.fill("order_lin");
  await expect(results.getByRole("option").first()).toContainText("demo.sales.order_lines");
  await search.press("ArrowDown");
  await search.press("ArrowUp");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/catalog\/demo\/sales\/order_lines$/);
  await expect(page.getByRole("heading", { level: 1, name: "order_lines" })).toBeVisible();

  await search.fill("zz-no-such-thing");
  await expect(results).toContainText("Nothing matches.");
  await expect(results.getByRole("option")).toHaveCount(0);
});

test("a deep link opens the page and reveals it in the tree; unknown names are not found", async ({ page }) => {
  const analyst = await seedUser("analyst");
  await signInViaApi(page, analyst.username, analyst.password);
  await page.goto("/catalog/demo/sales/customers?tab=schema");
  const tree = page.getByRole("tree", { name: "Catalog" });
  await expect(tree.getByRole("treeitem", { name: "customers", exact: true })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tab", { name: "Schema" })).toHaveAttribute("aria-selected", "true");
  await page.getByRole("link", { name: "sales" }).first().click();
  await expect(page).toHaveURL(/\/catalog\/demo\/sales$/);
  await expect(page.getByRole("table", { name: "Namespace contents" }).getByRole("link", { name: "order_lines" })).toBeVisible();

  for (const path of ["/catalog/nope", "/catalog/demo/nope", "/catalog/demo/sales/nope"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

test("the sample shows the first rows, read on the server", async ({ page }) => {
  const analyst = await seedUser("analyst");
  await signInViaApi(page, analyst.username, analyst.password);
  await page.goto("/catalog/demo/sales/products?tab=sample");
  const rows = page.getByRole("table", { name: "Sample rows" });
  await expect(rows.getByRole("columnheader").first()).toBeVisible();
  expect(await rows.locator("tbody tr").count()).toBeGreaterThan(0);
  expect(await rows.locator("tbody tr").count()).toBeLessThanOrEqual(100);
  await expect(page.locator(".form-error")).toHaveCount(0);
});

test("a namespace with more tables than a page shows the first 200 and the rest on request", async ({ page }) => {
  const { catalog, namespace } = await seedWideNamespace(230);
  const analyst = await seedUser("analyst");
  await signInViaApi(page, analyst.username, analyst.password);
  await page.goto(`/catalog/${catalog}/${namespace}`);
  const tree = page.getByRole("tree", { name: "Catalog" });
  const tables = tree.locator('[role="treeitem"][aria-level="3"]');
  await expect(tables).toHaveCount(201);
  await expect(tree.getByRole("treeitem", { name: "t0199", exact: true })).toBeVisible();
  await expect(tree.getByRole("treeitem", { name: "t0200", exact: true })).toHaveCount(0);
  const more = tree.getByRole("treeitem", { name: "Show more (200 shown)" });
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(tree.getByRole("treeitem", { name: "t0229", exact: true })).toBeVisible();
  await expect(tree.getByRole("treeitem", { name: /^Show more/ })).toHaveCount(0);
  await expect(tree.getByRole("treeitem", { name: "t0229", exact: true })).toHaveAttribute("aria-setsize", "230");
});
