import { expect, test } from "@playwright/test";
import { seedManagedTable } from "./support/catalog-seed";
import { seedUser, uniqueName } from "./support/seed";
import { signInViaApi } from "./support/session";

test("create namespace and create table check each field, and the new table opens and shows in the tree", async ({ page }) => {
  const { catalog } = await seedManagedTable();
  const analyst = await seedUser("analyst");
  await signInViaApi(page, analyst.username, analyst.password);
  await page.goto(`/catalog/${catalog}`);

  await page.getByRole("button", { name: "New namespace" }).click();
  const nsDialog = page.getByRole("dialog", { name: "New namespace" });
  await nsDialog.getByLabel("Name").fill(" padded");
  await nsDialog.getByRole("button", { name: "Create namespace" }).click();
  await expect(nsDialog.getByText(/cannot start or end with a space/)).toBeVisible();
  const namespace = uniqueName("mart");
  await nsDialog.getByLabel("Name").fill(namespace);
  await nsDialog.getByRole("button", { name: "Create namespace" }).click();
  await expect(page).toHaveURL(new RegExp(`/catalog/${catalog}/${namespace}$`));
  await expect(page.getByText(`Namespace ${namespace} created`)).toBeVisible();

  await page.getByRole("button", { name: "New table" }).click();
  const dialog = page.getByRole("dialog", { name: "New table" });
  await dialog.getByLabel("Table name").fill("payments");
  await dialog.getByRole("button", { name: "Add column" }).click();
  await dialog.getByLabel("Column 2 name").fill("amount");
  await dialog.getByLabel("Column 2 type").selectOption("decimal");
  await dialog.getByLabel("Column 2 precision").fill("50");
  await dialog.getByRole("button", { name: "Add column" }).click();
  await dialog.getByLabel("Column 3 name").fill("id");
  await dialog.getByLabel("Column 3 type").selectOption("string");
  await dialog.getByRole("button", { name: "Add partition field" }).click();
  await dialog.getByLabel("Partition 1 transform").selectOption("month");
  await dialog.getByLabel("Partition 1 column").selectOption("id");
  await dialog.getByRole("button", { name: "Create table" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Some fields need attention");
  await expect(dialog.getByText(/precision/i)).toBeVisible();
  await expect(dialog.getByText("Another column is already named id.")).toBeVisible();
  await expect(dialog.getByText("month cannot be applied to a string column.")).toBeVisible();

  await dialog.getByLabel("Column 2 precision").fill("12");
  await dialog.getByLabel("Column 3 name").fill("paid_on");
  await dialog.getByLabel("Column 3 type").selectOption("date");
  await dialog.getByLabel("Partition 1 column").selectOption("paid_on");
  await dialog.getByRole("button", { name: "Create table" }).click();

  await expect(page).toHaveURL(new RegExp(`/catalog/${catalog}/${namespace}/payments$`));
  await expect(page.getByText("month(paid_on)")).toBeVisible();
  const tree = page.getByRole("tree", { name: "Catalog" });
  await expect(tree.getByRole("treeitem", { name: "payments", exact: true })).toHaveAttribute("aria-selected", "true");
  await page.getByRole("tab", { name: "Schema" }).click();
  await expect(page.getByRole("table", { name: "Columns" }).locator('tr[data-column="amount"]')).toContainText("decimal(12, 2)");
});

test("a column comment is edited, a snapshot tagged, and the table rolled back after confirming", async ({ page }) => {
  const { catalog, namespace, table } = await seedManagedTable();
  const analyst = await seedUser("analyst");
  await signInViaApi(page, analyst.username, analyst.password);
  const url = `/catalog/${catalog}/${namespace}/${table}`;

  await page.goto(`${url}?tab=schema`);
  const note = page.getByRole("table", { name: "Columns" }).locator('tr[data-column="note"]');
  await note.getByRole("button", { name: "Edit comment of note" }).click();
  await note.getByRole("textbox", { name: "Comment of note" }).fill("Free text from the operator");
  await note.getByRole("button", { name: "Save" }).click();
  await expect(note).toContainText("Free text from the operator");
  await expect(page.getByText("This table has one schema version.")).toHaveCount(0);
  await page.getByLabel("From version").selectOption({ index: 0 });
  await expect(page.getByRole("table", { name: "Schema changes" })).toContainText("comment changed");

  await page.getByRole("tab", { name: "Snapshots" }).click();
  const history = page.getByRole("list", { name: "Snapshots" });
  await expect(history.locator("li")).toHaveCount(2);
  const first = history.locator("li").last();
  const firstId = (await first.getAttribute("data-snapshot"))!;
  await first.getByRole("button", { name: `Tag snapshot ${firstId}` }).click();
  const tagDialog = page.getByRole("dialog", { name: "New tag" });
  await tagDialog.getByLabel("Tag name").fill("first load");
  await tagDialog.getByRole("button", { name: "Create tag" }).click();
  await expect(tagDialog.getByText("Use a name without spaces, like q1-close.")).toBeVisible();
  await tagDialog.getByLabel("Tag name").fill("first-load");
  await tagDialog.getByRole("button", { name: "Create tag" }).click();
  await expect(first).toContainText("tag first-load");

  await first.getByRole("button", { name: `Roll back to snapshot ${firstId}` }).click();
  const confirm = page.getByRole("dialog", { name: "Roll back the table" });
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(history.locator("li").first()).toContainText("current");
  await expect(first).not.toContainText("current");
  await first.getByRole("button", { name: `Roll back to snapshot ${firstId}` }).click();
  await confirm.getByRole("button", { name: "Roll back" }).click();
  await expect(first).toContainText("current");
  await page.getByRole("tab", { name: "Overview" }).click();
  await expect(page.locator(".stat").filter({ hasText: "Rows" })).toHaveText(/^1\s*Rows$/);
});

test("analysts see no admin-only controls, and the actions refuse them when forced", async ({ page }) => {
  const analyst = await seedUser("analyst");
  await signInViaApi(page, analyst.username, analyst.password);
  await page.goto("/catalog");
  await expect(page.getByRole("heading", { level: 1, name: "Catalog" })).toBeVisible();
  await expect(page.getByRole("button", { name: "New catalog" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Trash" })).toHaveCount(0);
  await page.goto("/catalog/demo/sales");
  await expect(page.getByRole("button", { name: "New table" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Register table" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Register folder" })).toHaveCount(0);
});

test("a steward protects a table, drops it once unprotected, and restores it from the trash", async ({ page }) => {
  const { catalog, namespace, table } = await seedManagedTable();
  const steward = await seedUser("steward");
  await signInViaApi(page, steward.username, steward.password);
  const label = `${catalog}.${namespace}.${table}`;
  await page.goto(`/catalog/${catalog}/${namespace}/${table}`);

  await page.getByRole("button", { name: "Protect" }).click();
  await expect(page.getByRole("button", { name: "Protected" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "Drop" }).click();
  const confirm = page.getByRole("dialog", { name: `Drop ${label}` });
  await confirm.getByRole("button", { name: "Drop table" }).click();
  await expect(confirm.getByRole("alert")).toContainText("protected against drop");
  await confirm.getByRole("button", { name: "Cancel" }).click();

  await page.getByRole("button", { name: "Protected" }).click();
  await expect(page.getByRole("button", { name: "Protect" })).toHaveAttribute("aria-pressed", "false");
  await page.getByRole("button", { name: "Drop" }).click();
  await confirm.getByRole("button", { name: "Drop table" }).click();
  await expect(page).toHaveURL(new RegExp(`/catalog/${catalog}/${namespace}$`));
  const tree = page.getByRole("tree", { name: "Catalog" });
  await expect(tree.getByRole("treeitem", { name: namespace, exact: true })).toHaveAttribute("aria-selected", "true");
  await expect(tree.getByRole("treeitem", { name: table, exact: true })).toHaveCount(0);
  expect((await page.goto(`/catalog/${catalog}/${namespace}/${table}`))?.status()).toBe(404);

  await page.goto("/catalog?view=trash");
  const row = page.getByRole("table", { name: "Trash" }).locator(`tr[data-trash="${label}"]`);
  await row.getByRole("button", { name: `Restore ${label}` }).click();
  await expect(row).toHaveCount(0);
  await page.goto(`/catalog/${catalog}/${namespace}/${table}`);
  await expect(page.getByRole("heading", { level: 1, name: table })).toBeVisible();
});

test("a namespace with a table in it is not dropped; empty, it goes to the trash and comes back", async ({ page }) => {
  const { catalog, namespace, table } = await seedManagedTable();
  const steward = await seedUser("steward");
  await signInViaApi(page, steward.username, steward.password);
  await page.goto(`/catalog/${catalog}/${namespace}`);
  const confirm = page.getByRole("dialog", { name: `Drop ${catalog}.${namespace}` });

  await page.getByRole("button", { name: "Drop", exact: true }).click();
  await confirm.getByRole("button", { name: "Drop namespace" }).click();
  await expect(confirm.getByRole("alert")).toContainText("is not empty");
  await confirm.getByRole("button", { name: "Cancel" }).click();

  await page.goto(`/catalog/${catalog}/${namespace}/${table}`);
  await page.getByRole("button", { name: "Drop", exact: true }).click();
  await page.getByRole("dialog", { name: `Drop ${catalog}.${namespace}.${table}` }).getByRole("button", { name: "Drop table" }).click();
  await expect(page).toHaveURL(new RegExp(`/catalog/${catalog}/${namespace}$`));
  await page.getByRole("button", { name: "Drop", exact: true }).click();
  await confirm.getByRole("button", { name: "Drop namespace" }).click();
  await expect(page).toHaveURL(new RegExp(`/catalog/${catalog}$`));
  const tree = page.getByRole("tree", { name: "Catalog" });
  await expect(tree.getByRole("treeitem", { name: namespace, exact: true })).toHaveCount(0);

  await page.goto("/catalog?view=trash");
  const row = page.getByRole("table", { name: "Trash" }).locator(`tr[data-trash="${catalog}.${namespace}"]`);
  await row.getByRole("button", { name: `Restore ${catalog}.${namespace}` }).click();
  await expect(row).toHaveCount(0);
  await page.goto(`/catalog/${catalog}/${namespace}`);
  await expect(page.getByRole("heading", { level: 1, name: namespace })).toBeVisible();
});
