import { expect, type Page } from "@playwright/test";

/** Signs in through next-auth's API (not the form): fast, and shares cookies with the page. */
export async function signInViaApi(page: Page, login: string, password: string): Promise<void> {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, login, password, json: "true" },
  });
  expect(response.ok()).toBe(true);
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session?.user?.name).toBe(login);
}

/** Fails the test if the page tries to load anything from outside this server. */
export function forbidExternalRequests(page: Page, baseURL: string): string[] {
  const external: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(baseURL) && !url.startsWith("data:") && !url.startsWith("blob:")) external.push(url);
  });
  return external;
}
