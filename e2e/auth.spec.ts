import { expect, test } from "@playwright/test";
import { ADMIN, seedUser } from "./support/seed";

test.describe("sign-in", () => {
  test("signs in with the form and lands where it was going", async ({ page }) => {
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin%2Fusers/);
    await page.getByLabel("Username or e-mail").fill(ADMIN.username);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole("table", { name: "Users" })).toBeVisible();
  });

  test("a wrong password is refused with a clear message and no session", async ({ page }) => {
    const user = await seedUser("analyst");
    await page.goto("/signin");
    await page.getByLabel("Username or e-mail").fill(user.username);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("That username or password is not right.");
    await expect(page).toHaveURL(/\/signin/);
    const session = await (await page.request.get("/api/auth/session")).json();
    expect(session?.user).toBeUndefined();
  });

  test("repeated failures lock the login for a while, even with the right password", async ({ page }) => {
    const user = await seedUser("analyst");
    await page.goto("/signin");
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Username or e-mail").fill(user.username);
      await page.getByLabel("Password").fill(`wrong-${i}-password`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("That username or password is not right.");
    }
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toContainText("Too many failed sign-ins. Try again in");
  });

  test("signing out ends the session", async ({ page }) => {
    const user = await seedUser("analyst");
    await page.goto("/signin");
    await page.getByLabel("Username or e-mail").fill(user.username);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: `Welcome, ${user.username}` })).toBeVisible();
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/catalog");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fcatalog/);
  });
});
