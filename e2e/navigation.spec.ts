import { expect, test } from "@playwright/test";
import { seedUser } from "./support/seed";
import { forbidExternalRequests, signInViaApi } from "./support/session";

test("an admin reaches every area from the navigation, and nothing loads from outside", async ({ page, baseURL }) => {
  const external = forbidExternalRequests(page, baseURL!);
  const admin = await seedUser("admin");
  await signInViaApi(page, admin.username, admin.password);
  await page.goto("/");
  const nav = page.getByRole("complementary", { name: "Studio navigation" });
  await nav.getByRole("link", { name: "Catalog" }).click();
  await expect(page.getByRole("tree", { name: "Catalog" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Catalog" })).toHaveAttribute("aria-current", "page");
  await nav.getByRole("link", { name: "Notebooks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notebooks" })).toBeVisible();
  await expect(page.getByRole("button", { name: "New notebook" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Notebooks" })).toHaveAttribute("aria-current", "page");
  for (const area of ["Permissions", "Ingestion"]) {
    await nav.getByRole("link", { name: area }).click();
    await expect(page.getByRole("heading", { level: 1, name: area })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("Not built yet.");
    await expect(nav.getByRole("link", { name: area })).toHaveAttribute("aria-current", "page");
  }
  await nav.getByRole("link", { name: "Admin" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await page.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("table", { name: "Audit events" })).toContainText("auth.signIn");
  expect(external).toEqual([]);
});

test("the theme switch turns the studio dark and it stays dark after a reload", async ({ page }) => {
  const user = await seedUser("analyst");
  await signInViaApi(page, user.username, user.password);
  await page.goto("/");
  await page.getByTestId("user-menu").click();
  await page.getByRole("radio", { name: "dark" }).check();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe("rgb(15, 18, 22)");
});

test("an unknown page says so", async ({ page }) => {
  const user = await seedUser("analyst");
  await signInViaApi(page, user.username, user.password);
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
