import { expect, test } from "@playwright/test";
import { seedUser } from "./support/seed";
import { signInViaApi } from "./support/session";

test("an analyst sees no Admin link and cannot open Admin pages", async ({ page }) => {
  const analyst = await seedUser("analyst");
  await signInViaApi(page, analyst.username, analyst.password);
  await page.goto("/");
  const nav = page.getByRole("complementary", { name: "Studio navigation" });
  await expect(nav.getByRole("link", { name: "Catalog" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Admin" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Permissions" })).toHaveCount(0);
  for (const path of ["/admin", "/admin/users", "/admin/groups", "/admin/audit", "/ingestion"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  }
});

test("a steward may open Permissions but not Admin", async ({ page }) => {
  const steward = await seedUser("steward");
  await signInViaApi(page, steward.username, steward.password);
  expect((await page.goto("/permissions"))?.status()).toBe(200);
  expect((await page.goto("/admin/users"))?.status()).toBe(403);
});
