import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { seedUser, uniqueName } from "./support/seed";
import { signInViaApi } from "./support/session";

const folders: string[] = [];
test.afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

test("an admin adds a storage location, uses it for a catalog, and cannot remove it while in use", async ({ page }) => {
  const admin = await seedUser("admin");
  await signInViaApi(page, admin.username, admin.password);
  const folder = mkdtempSync(path.join(tmpdir(), "tarn-e2e-storage-"));
  folders.push(folder);
  const location = uniqueName("disk");
  await page.goto("/admin/storage");
  await expect(page.locator('tr[data-location="warehouse"]')).toContainText("default");
  await expect(page.locator('tr[data-location="warehouse"]').getByRole("button", { name: "Remove" })).toHaveCount(0);

  await page.getByRole("button", { name: "Add location" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a storage location" });
  await dialog.getByLabel("Name").fill(location);
  await dialog.getByLabel("Folder").fill("not/absolute");
  await dialog.getByRole("button", { name: "Add location" }).click();
  await expect(dialog.getByText("The folder must be an absolute path, starting with /.")).toBeVisible();
  await dialog.getByLabel("Folder").fill(path.join(folder, "tables"));
  await dialog.getByRole("button", { name: "Add location" }).click();
  const row = page.locator(`tr[data-location="${location}"]`);
  await expect(row).toContainText("not in use");

  const catalog = uniqueName("fast");
  await page.goto("/catalog");
  await page.getByRole("button", { name: "New catalog" }).click();
  const create = page.getByRole("dialog", { name: "New catalog" });
  await create.getByLabel("Name").fill(catalog);
  await create.getByRole("combobox", { name: /^Storage location/ }).selectOption(location);
  await create.getByRole("button", { name: "Create catalog" }).click();
  await expect(page).toHaveURL(new RegExp(`/catalog/${catalog}$`));
  await expect(page.getByText(path.join(folder, "tables"))).toBeVisible();

  await page.goto("/admin/storage");
  await expect(row).toContainText(catalog);
  await row.getByRole("button", { name: "Remove" }).click();
  const confirm = page.getByRole("dialog", { name: `Remove storage location ${location}` });
  await confirm.getByRole("button", { name: "Remove location" }).click();
  await expect(confirm.getByRole("alert")).toContainText(`in use by catalog ${catalog}`);
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toBeVisible();
});

test("an admin removes a storage location no catalog uses", async ({ page }) => {
  const admin = await seedUser("admin");
  await signInViaApi(page, admin.username, admin.password);
  const folder = mkdtempSync(path.join(tmpdir(), "tarn-e2e-storage-"));
  folders.push(folder);
  const location = uniqueName("spare");
  await page.goto("/admin/storage");
  await page.getByRole("button", { name: "Add location" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a storage location" });
  await dialog.getByLabel("Name").fill(location);
  await dialog.getByLabel("Folder").fill(folder);
  await dialog.getByRole("button", { name: "Add location" }).click();
  const row = page.locator(`tr[data-location="${location}"]`);
  await row.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("dialog", { name: `Remove storage location ${location}` }).getByRole("button", { name: "Remove location" }).click();
  await expect(row).toHaveCount(0);
});
