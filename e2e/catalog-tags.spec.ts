import { expect, type Page, test } from "@playwright/test";
import { seedManagedTable } from "./support/catalog-seed";
import { seedUser, uniqueName } from "./support/seed";
import { signInViaApi } from "./support/session";

async function defineKey(page: Page, name: string, values: string) {
  await page.getByRole("button", { name: "New tag key" }).click();
  const dialog = page.getByRole("dialog", { name: "New tag key" });
  await dialog.getByRole("textbox", { name: "Key" }).fill(name);
  await dialog.getByRole("textbox", { name: "Allowed values" }).fill(values);
  await dialog.getByRole("button", { name: "Define key" }).click();
  await expect(page.getByText(`Tag key ${name} defined.`)).toBeVisible();
}

async function addTag(page: Page, where: string, key: string, value: string) {
  const tags = page.getByRole("group", { name: where });
  await tags.getByRole("button", { name: "Add tag" }).click();
  await tags.getByRole("combobox", { name: "Tag key" }).selectOption(key);
  await tags.getByRole("combobox", { name: "Tag value" }).selectOption(value);
  await tags.getByRole("button", { name: "Add", exact: true }).click();
  await expect(tags.locator(`[data-tag="${key}=${value}"]`)).toBeVisible();
}

test("an admin defines tag keys, tags a namespace and a column, and finds the table by searching the tag", async ({
  page,
}) => {
  const { catalog, namespace, table } = await seedManagedTable();
  const domain = uniqueName("domain");
  const pii = uniqueName("pii");
  const admin = await seedUser("admin");
  await signInViaApi(page, admin.username, admin.password);

  await page.goto("/admin/tags");
  await defineKey(page, domain, "sales, finance");
  await defineKey(page, pii, "true\nfalse");
  const row = page.locator(`[data-tag-key="${pii}"]`);
  await expect(row).toContainText("true");
  await expect(row).toContainText("not in use");

  await page.goto(`/catalog/${catalog}/${namespace}`);
  await addTag(page, "Tags", domain, "sales");

  await page.goto(`/catalog/${catalog}/${namespace}/${table}?tab=schema`);
  await addTag(page, "Tags of note", pii, "true");
  // The column's own tag only; the namespace's is inherited by the table (Overview).
  await expect(page.getByRole("group", { name: "Tags of id" }).locator("[data-tag]")).toHaveCount(
    0,
  );
  await page.getByRole("tab", { name: "Overview" }).click();
  const inherited = page
    .getByRole("group", { name: "Tags" })
    .locator(`[data-tag="${domain}=sales"]`);
  await expect(inherited).toContainText(`from namespace ${catalog}.${namespace}`);
  await expect(inherited.getByRole("button", { name: `Remove tag ${domain}` })).toHaveCount(0);

  const search = page.getByRole("combobox", { name: "Search the catalog" });
  const results = page.getByRole("listbox", { name: "Search results" });
  const hit = results.getByRole("option", {
    name: new RegExp(`${catalog}\\.${namespace}\\.${table}`),
  });
  await search.fill(`${domain}=sales`);
  await expect(hit).toContainText(`tag ${domain}=sales (namespace ${namespace})`);
  await search.fill(`${domain}=finance`);
  await expect(results).toContainText("Nothing matches.");
  await search.fill(pii);
  await expect(hit).toContainText(`tag ${pii}=true (column note)`);
  await search.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/catalog/${catalog}/${namespace}/${table}$`));

  // A key in use stays: the refusal says where it is used.
  await page.goto("/admin/tags");
  await page.locator(`[data-tag-key="${pii}"]`).getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete tag key" }).click();
  await expect(page.getByRole("dialog")).toContainText(
    `Tag key ${pii} is used on column ${catalog}.${namespace}.${table}.note`,
  );
});

test("an analyst sees tags but cannot open Admin → Tags or tag a namespace", async ({ page }) => {
  const { catalog, namespace } = await seedManagedTable();
  const analyst = await seedUser("analyst");
  await signInViaApi(page, analyst.username, analyst.password);
  await page.goto(`/catalog/${catalog}/${namespace}`);
  await expect(page.getByRole("group", { name: "Tags" })).toContainText("none");
  await expect(
    page.getByRole("group", { name: "Tags" }).getByRole("button", { name: "Add tag" }),
  ).toHaveCount(0);
  const response = await page.goto("/admin/tags");
  expect(response?.status()).toBe(403);
});
