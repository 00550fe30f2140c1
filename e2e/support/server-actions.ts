/**
 * Calling a server action directly, as a forged request would: finds the action's id in
 * the build's manifest by its file and export name and posts the arguments to a page that
 * uses it. For proving that the action itself refuses, whatever the UI hides.
 */
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";

interface ActionManifest {
  node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
}

export function actionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as ActionManifest;
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName);
  if (!found) throw new Error(`No server action ${exportedName} in ${filename}`);
  return found[0];
}

/** Posts one argument to the action with the page's cookies; returns the raw response text. */
export async function forceAction(page: Page, pageUrl: string, filename: string, exportedName: string, input: unknown): Promise<string> {
  const response = await page.request.post(pageUrl, {
    headers: { "Next-Action": actionId(filename, exportedName), "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([input]),
    maxRedirects: 0,
  });
  return response.text();
}
