import { expect, test } from "@playwright/test";
import { seedUser, uniqueName } from "./support/seed";
import { forceAction } from "./support/server-actions";
import { signInViaApi } from "./support/session";

/** The status of the REST catalog's OAuth2 client-credentials grant. */
async function tokenFor(page: import("@playwright/test").Page, clientId: string, clientSecret: string): Promise<number> {
  const response = await page.request.post("/iceberg/v1/oauth/tokens", { form: { grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret, scope: "catalog" }, maxRedirects: 0 });
  return response.status();
}

test("an admin creates an API client whose secret is shown once and works at the token endpoint until disabled", async ({ page }) => {
  const admin = await seedUser("admin");
  await signInViaApi(page, admin.username, admin.password);
  await page.goto("/admin/api-clients");
  const name = uniqueName("spark");
  await page.getByRole("button", { name: "New API client" }).click();
  const dialog = page.getByRole("dialog", { name: "New API client" });
  await dialog.getByLabel("Name").fill("x");
  await dialog.getByRole("button", { name: "Create client" }).click();
  await expect(dialog.getByText("A client name needs at least 2 characters.")).toBeVisible();
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create client" }).click();

  const created = page.getByRole("dialog", { name: "API client created" });
  const clientId = (await created.getByTestId("client-id").textContent())!.trim();
  const secret = (await created.getByTestId("one-time-secret").textContent())!.trim();
  expect(clientId).toMatch(/^tarn_[0-9a-f]{18}$/);
  expect(secret.length).toBeGreaterThanOrEqual(24);
  await created.getByRole("button", { name: "Done" }).click();
  const row = page.locator(`tr[data-client="${name}"]`);
  await expect(row).toContainText(clientId);
  await expect(row).toContainText("active");
  await expect(page.getByText(secret)).toHaveCount(0);
  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0);

  expect(await tokenFor(page, clientId, secret)).toBe(200);
  expect(await tokenFor(page, clientId, `${secret}x`)).toBe(401);

  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row).toContainText("disabled");
  expect(await tokenFor(page, clientId, secret)).toBe(401);
  await row.getByRole("button", { name: "Enable" }).click();
  await expect(row).toContainText("active");

  await page.goto("/connect");
  await page.getByLabel("Client id").fill(clientId);
  await page.getByLabel("Client secret").fill(secret);
  await expect(page.getByText(`spark.sql.catalog.tarn.credential=${clientId}:${secret}`)).toBeVisible();
  await page.getByRole("button", { name: "Run self-test" }).click();
  await expect(page.getByRole("list", { name: "Self-test steps" }).locator('li[data-outcome="ok"]')).toHaveCount(3);
  await expect(page.getByRole("status").filter({ hasText: "The handshake works" })).toBeVisible();
});

test("an admin deletes an API client after confirming", async ({ page }) => {
  const admin = await seedUser("admin");
  await signInViaApi(page, admin.username, admin.password);
  await page.goto("/admin/api-clients");
  const name = uniqueName("trino");
  await page.getByRole("button", { name: "New API client" }).click();
  await page.getByRole("dialog", { name: "New API client" }).getByLabel("Name").fill(name);
  await page.getByRole("dialog", { name: "New API client" }).getByRole("button", { name: "Create client" }).click();
  await page.getByRole("dialog", { name: "API client created" }).getByRole("button", { name: "Done" }).click();
  const row = page.locator(`tr[data-client="${name}"]`);
  await row.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: `Delete API client ${name}` }).getByRole("button", { name: "Delete client" }).click();
  await expect(row).toHaveCount(0);
  await page.goto(`/admin/audit?action=apiClient.delete`);
  await expect(page.getByRole("table", { name: "Audit events" })).toContainText(name);
});

test("a person creates an access token, sees it once, and revokes it", async ({ page }) => {
  const analyst = await seedUser("analyst");
  await signInViaApi(page, analyst.username, analyst.password);
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Access tokens" });
  await expect(section).toContainText("You have no access tokens.");
  await section.getByRole("button", { name: "New token" }).click();
  const dialog = page.getByRole("dialog", { name: "New access token" });
  await dialog.getByRole("button", { name: "Create token" }).click();
  await expect(dialog.getByText("Give the token a name, like “spark laptop”.")).toBeVisible();
  await dialog.getByLabel("Name").fill("pyiceberg notebook");
  await dialog.getByLabel("Expires after").selectOption({ label: "30 days" });
  await dialog.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByRole("dialog", { name: "Token created" }).getByTestId("one-time-secret").textContent())!.trim();
  expect(token).toMatch(/^tarn_pat_/);
  await page.getByRole("dialog", { name: "Token created" }).getByRole("button", { name: "Done" }).click();
  const row = section.locator('tr[data-token="pyiceberg notebook"]');
  await expect(row).toContainText(token.slice(0, 13));
  await expect(page.getByText(token)).toHaveCount(0);

  await page.goto("/connect");
  await page.getByRole("radio", { name: "Personal access token" }).check();
  await page.getByLabel("Access token", { exact: true }).fill(token);
  await page.getByRole("button", { name: "DuckDB" }).click();
  await expect(page.getByText(`TOKEN '${token}'`)).toBeVisible();
  await page.getByRole("button", { name: "Run self-test" }).click();
  const steps = page.getByRole("list", { name: "Self-test steps" });
  await expect(steps.locator("li").first()).toHaveAttribute("data-outcome", "ok");
  await expect(steps.locator('li[data-outcome="ok"]')).toHaveCount(3);

  await page.goto("/account");
  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("dialog", { name: "Revoke token pyiceberg notebook" }).getByRole("button", { name: "Revoke token" }).click();
  await expect(row).toHaveCount(0);
  await expect(section).toContainText("You have no access tokens.");

  await page.goto("/connect");
  await page.getByRole("radio", { name: "Personal access token" }).check();
  await page.getByLabel("Access token", { exact: true }).fill(token);
  // The REST catalog may remember a token's answer for a few seconds: retry until it is refused.
  await expect(async () => {
    await page.getByRole("button", { name: "Run self-test" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The handshake failed" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole("list", { name: "Self-test steps" }).locator('li[data-outcome="ok"]')).toHaveCount(1);
});

test("analysts cannot open API clients or storage, and the actions refuse them when forced", async ({ page }) => {
  const analyst = await seedUser("analyst");
  await signInViaApi(page, analyst.username, analyst.password);
  for (const path of ["/admin/api-clients", "/admin/storage"]) expect((await page.goto(path))?.status(), path).toBe(403);
  const answer = await forceAction(page, "/admin/api-clients", "app/(studio)/admin/api-clients/actions.ts", "createApiClientAction", { name: uniqueName("sneaky") });
  expect(answer).toContain('"code":"forbidden"');
  expect(answer).not.toContain("clientSecret");
  const listing = await forceAction(page, "/admin/api-clients", "app/(studio)/admin/api-clients/actions.ts", "listApiClientsAction", undefined);
  expect(listing).toContain('"code":"forbidden"');
  const storage = await forceAction(page, "/admin/storage", "app/(studio)/admin/storage/actions.ts", "addStorageAction", { name: uniqueName("disk"), path: "/tmp/sneaky" });
  expect(storage).toContain('"code":"forbidden"');
});
