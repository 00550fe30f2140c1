import { expect, test } from "@playwright/test";
import { seedUser, uniqueName } from "./support/seed";
import { signInViaApi } from "./support/session";

test("an admin creates a user who then signs in with the generated password", async ({ page, browser }) => {
  const admin = await seedUser("admin");
  await signInViaApi(page, admin.username, admin.password);
  await page.goto("/admin/users");
  const username = uniqueName("newbie");
  await page.getByRole("button", { name: "New user" }).click();
  const dialog = page.getByRole("dialog", { name: "New user" });
  await dialog.getByLabel("Username").fill(username);
  await dialog.getByLabel("E-mail (optional)").fill(`${username}@example.com`);
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("dialog", { name: "User created" })).toBeVisible();
  const password = (await page.getByTestId("one-time-secret").textContent())!.trim();
  expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.locator(`tr[data-username="${username}"]`)).toContainText("analyst");

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto("/signin");
  await other.getByLabel("Username or e-mail").fill(`${username}@example.com`);
  await other.getByLabel("Password").fill(password);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByRole("heading", { name: `Welcome, ${username}` })).toBeVisible();
  await fresh.close();
});

test("duplicate names and bad e-mail addresses get clear messages", async ({ page }) => {
  const admin = await seedUser("admin");
  const existing = await seedUser("analyst");
  await signInViaApi(page, admin.username, admin.password);
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "New user" }).click();
  const dialog = page.getByRole("dialog", { name: "New user" });
  await dialog.getByLabel("Username").fill(existing.username);
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog.getByText("This username is taken.")).toBeVisible();
  await dialog.getByLabel("Username").fill(uniqueName("mail"));
  await dialog.getByLabel("E-mail (optional)").fill("not-an-email");
  await dialog.getByRole("button", { name: "Create user" }).click();
  await expect(dialog.getByText("Enter a valid e-mail address, like ada@example.com.")).toBeVisible();
});

test("an admin disables a user, who can no longer sign in, and puts people in groups", async ({ page, browser }) => {
  const admin = await seedUser("admin");
  const victim = await seedUser("analyst");
  await signInViaApi(page, admin.username, admin.password);

  await page.goto("/admin/groups");
  const group = uniqueName("team");
  await page.getByRole("button", { name: "New group" }).click();
  await page.getByRole("dialog", { name: "New group" }).getByLabel("Name").fill(group);
  await page.getByRole("dialog", { name: "New group" }).getByRole("button", { name: "Create group" }).click();
  await expect(page.locator(`tr[data-group="${group}"]`)).toContainText("nobody yet");

  await page.goto("/admin/users");
  const row = page.locator(`tr[data-username="${victim.username}"]`);
  await row.getByLabel(`Add ${victim.username} to a group`).selectOption({ label: group });
  await expect(row.getByText(group)).toBeVisible();
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row).toContainText("disabled");

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto("/signin");
  await other.getByLabel("Username or e-mail").fill(victim.username);
  await other.getByLabel("Password").fill(victim.password);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("That username or password is not right.");
  await fresh.close();

  await page.goto("/admin/audit?action=user.disable");
  await expect(page.getByRole("table", { name: "Audit events" })).toContainText(victim.username);
});
