import { expect, test } from "@playwright/test";
import { seedWideNamespace } from "./support/catalog-seed";
import { seedUser } from "./support/seed";
import { signInViaApi } from "./support/session";

test("an admin hands a table and a namespace to someone else; a name that is nobody is refused; an analyst cannot", async ({ page }) => {
  const { catalog, namespace } = await seedWideNamespace(1);
  const admin = await seedUser("admin");
  const newOwner = await seedUser("analyst");
  await signInViaApi(page, admin.username, admin.password);

  await page.goto(`/catalog/${catalog}/${namespace}/t0000`);
  await page.getByRole("button", { name: "Edit owner" }).click();
  const form = page.getByRole("form", { name: "Edit owner" });
  await form.getByRole("textbox", { name: "Owner" }).fill("nobody-by-this-name");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText('There is no user or group named "nobody-by-this-name".')).toBeVisible();
  await form.getByRole("textbox", { name: "Owner" }).fill(newOwner.username);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Owner saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByText(newOwner.username, { exact: true })).toBeVisible();

  await page.goto(`/catalog/${catalog}/${namespace}`);
  await page.getByRole("button", { name: "Edit owner" }).click();
  await page.getByRole("form", { name: "Edit owner" }).getByRole("textbox", { name: "Owner" }).fill(newOwner.username);
  await page.getByRole("form", { name: "Edit owner" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Owner saved.")).toBeVisible();

  const analyst = await seedUser("analyst");
  await page.context().clearCookies();
  await signInViaApi(page, analyst.username, analyst.password);
  await page.goto(`/catalog/${catalog}/${namespace}/t0000`);
  await expect(page.getByText(newOwner.username, { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit owner" })).toHaveCount(0);
});
