import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { FIXTURE_ROWS, parquetFolder, seedLakeCatalog } from "./support/catalog-seed";
import { seedUser, uniqueName } from "./support/seed";
import { forceAction } from "./support/server-actions";
import { signInViaApi } from "./support/session";

const folders: string[] = [];
test.afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

test("an admin registers a folder of Parquet files and finds it in the tree with its columns and rows", async ({ page }) => {
  const { catalog, namespace } = await seedLakeCatalog();
  const folder = parquetFolder();
  folders.push(folder);
  const admin = await seedUser("admin");
  await signInViaApi(page, admin.username, admin.password);
  await page.goto(`/catalog/${catalog}/${namespace}`);

  await page.getByRole("button", { name: "Register folder" }).click();
  const dialog = page.getByRole("dialog", { name: "Register a folder" });
  await dialog.getByLabel("Table name").fill("lineitems");
  await dialog.getByLabel("Folder").fill("relative/folder");
  await dialog.getByRole("button", { name: "Register folder" }).click();
  await expect(dialog.getByText("The folder must be an absolute path on the server, like /data/lake/….")).toBeVisible();
  await dialog.getByLabel("Folder").fill(`${folder}-missing`);
  await dialog.getByRole("button", { name: "Register folder" }).click();
  await expect(dialog.getByRole("alert")).toBeVisible();
  await expect(dialog.getByRole("alert")).not.toContainText("Something went wrong");

  await dialog.getByLabel("Folder").fill(folder);
  await dialog.getByRole("button", { name: "Register folder" }).click();
  await expect(page).toHaveURL(new RegExp(`/catalog/${catalog}/${namespace}/lineitems$`));
  const tree = page.getByRole("tree", { name: "Catalog" });
  await expect(tree.getByRole("treeitem", { name: "lineitems", exact: true })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByText("external table", { exact: true })).toBeVisible();
  await expect(page.getByText(/parquet files, read where they are/)).toBeVisible();
  await expect(page.getByRole("tab", { name: "Snapshots" })).toHaveCount(0);

  await page.getByRole("tab", { name: "Schema" }).click();
  const columns = page.getByRole("table", { name: "Columns" });
  await expect(columns.locator('tr[data-column="l_extendedprice_dec9_2"]')).toContainText("decimal(9, 2)");
  await expect(columns.locator('tr[data-column="l_shipdate_date"]')).toContainText("date");

  await page.getByRole("tab", { name: "Sample" }).click();
  await expect(page.getByRole("table", { name: "Sample rows" }).locator("tbody tr")).toHaveCount(Math.min(100, FIXTURE_ROWS));

  await page.goto(`/catalog/${catalog}/${namespace}`);
  await expect(page.getByRole("table", { name: "Namespace contents" }).locator('tr[data-name="lineitems"]')).toContainText("external");
});

test("an analyst is not offered folder registration, and the action refuses when forced", async ({ page }) => {
  const { catalog, namespace } = await seedLakeCatalog();
  const folder = parquetFolder();
  folders.push(folder);
  const analyst = await seedUser("analyst");
  await signInViaApi(page, analyst.username, analyst.password);
  const url = `/catalog/${catalog}/${namespace}`;
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: namespace })).toBeVisible();
  await expect(page.getByRole("button", { name: "Register folder" })).toHaveCount(0);

  const name = uniqueName("sneaky");
  const answer = await forceAction(page, url, "app/(studio)/catalog/create-actions.ts", "registerFolderAction", { catalog, namespace: [namespace], name, path: folder });
  expect(answer).toContain('"code":"forbidden"');
  expect(answer).not.toContain('"ok":true');
  const created = await forceAction(page, "/catalog", "app/(studio)/catalog/catalog-admin-actions.ts", "createCatalogAction", { kind: "lake", name });
  expect(created).toContain('"code":"forbidden"');

  await page.reload();
  await expect(page.getByRole("table", { name: "Namespace contents" }).or(page.getByText("Nothing here yet."))).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
  expect((await page.goto(`${url}/${name}`))?.status()).toBe(404);
  expect((await page.goto(`/catalog/${name}`))?.status()).toBe(404);
});

const FIXTURES = process.env.TARN_ICEBERG_FIXTURES ?? "/work/shared/iceberg";
const SPARK_TABLE_METADATA = `${FIXTURES}/tables/persistent/data/persistent/partition_time/default.db/partition_time/metadata/00001-44546aa6-1ee5-48c5-9e3b-bc6c0bc0a60c.metadata.json`;

test("a steward registers an existing Iceberg table by its metadata file and reads its history in place", async ({ page }) => {
  const { catalog, namespace } = await seedLakeCatalog();
  const steward = await seedUser("steward");
  await signInViaApi(page, steward.username, steward.password);
  await page.goto(`/catalog/${catalog}/${namespace}`);
  await expect(page.getByRole("button", { name: "Register folder" })).toBeVisible();

  await page.getByRole("button", { name: "Register table" }).click();
  const dialog = page.getByRole("dialog", { name: "Register an Iceberg table" });
  await dialog.getByLabel("Table name").fill("events");
  await dialog.getByLabel("Metadata file").fill(SPARK_TABLE_METADATA.replace(".metadata.json", ".missing.json"));
  await dialog.getByRole("button", { name: "Register table" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Cannot register");
  await expect(dialog.getByRole("alert")).not.toContainText("Something went wrong");

  await dialog.getByLabel("Metadata file").fill(SPARK_TABLE_METADATA);
  await dialog.getByRole("button", { name: "Register table" }).click();
  await expect(page).toHaveURL(new RegExp(`/catalog/${catalog}/${namespace}/events$`));
  await expect(page.getByText("Iceberg table", { exact: true })).toBeVisible();
  await page.getByRole("tab", { name: "Schema" }).click();
  await expect(page.getByRole("table", { name: "Columns" }).locator('tr[data-column="event_type"]')).toBeVisible();
  await page.getByRole("tab", { name: "Snapshots" }).click();
  await expect(page.getByRole("list", { name: "Snapshots" }).locator("li").first()).toContainText("current");
});
