import { expect, test } from "@playwright/test";
import pg from "pg";
import { seedUser, uniqueName } from "./support/seed";
import { signInViaApi } from "./support/session";

const PG_URL = process.env.TARN_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

test("an admin tests a PostgreSQL connection, creates a federated catalog and browses its live tables", async ({ page }) => {
  const schema = uniqueName("e2e").replace(/-/g, "_");
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(`CREATE TABLE ${schema}.invoices (id bigint PRIMARY KEY, amount numeric(10,2) NOT NULL, note text)`);
    const url = new URL(PG_URL);
    const admin = await seedUser("admin");
    await signInViaApi(page, admin.username, admin.password);
    await page.goto("/catalog");
    await page.getByRole("button", { name: "New catalog" }).click();
    const dialog = page.getByRole("dialog", { name: "New catalog" });
    const catalog = uniqueName("shopdb");
    await dialog.getByRole("textbox", { name: /^Name/ }).fill(catalog);
    await dialog.getByRole("radio", { name: /^Federated/ }).check();
    await dialog.getByLabel("Host").fill(url.hostname);
    await dialog.getByLabel("Port").fill("1");
    await dialog.getByRole("textbox", { name: "Database", exact: true }).fill(url.pathname.slice(1) || "postgres");
    await dialog.getByLabel("User").fill(decodeURIComponent(url.username) || "postgres");
    await dialog.getByRole("button", { name: "Test connection" }).click();
    await expect(dialog.getByRole("status")).toContainText("✗");
    await expect(dialog.getByRole("status")).not.toContainText("ECONNREFUSED");
    await dialog.getByLabel("Port").fill(url.port || "5432");
    await dialog.getByRole("button", { name: "Test connection" }).click();
    await expect(dialog.getByRole("status")).toContainText("✓ Connected");
    await dialog.getByRole("button", { name: "Create catalog" }).click();

    await expect(page).toHaveURL(new RegExp(`/catalog/${catalog}$`));
    const tree = page.getByRole("tree", { name: "Catalog" });
    await expect(tree.getByRole("treeitem", { name: catalog, exact: true })).toHaveAttribute("aria-selected", "true");
    await page.getByRole("table", { name: "Catalog contents" }).getByRole("link", { name: schema }).click();
    await page.getByRole("table", { name: "Namespace contents" }).getByRole("link", { name: "invoices" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "invoices" })).toBeVisible();
    await expect(page.getByText("federated table", { exact: true })).toBeVisible();
    await page.getByRole("tab", { name: "Schema" }).click();
    await expect(page.getByRole("table", { name: "Columns" }).locator('tr[data-column="amount"]')).toContainText("required");
    await page.getByRole("tab", { name: "Sample" }).click();
    await expect(page.getByRole("status")).toContainText("arrive with the query engine");
    await expect(page.getByRole("button", { name: "Drop" })).toHaveCount(0);
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
});
