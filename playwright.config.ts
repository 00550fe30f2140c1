import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests in Chromium against the real server on a fresh data folder.
 * Debian's chromium is used when present (no browser download); PLAYWRIGHT_CHROMIUM_PATH
 * overrides; elsewhere Playwright's own browser.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATA_DIR = "test-data/e2e";
export const E2E_ADMIN_PASSWORD = "e2e-admin-password";

function chromiumPath(): string | undefined {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH;
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

const CHROMIUM_ARGS = [
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--disable-dev-shm-usage",
  ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
];

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS } } }],
  webServer: {
    command: `rm -rf ${E2E_DATA_DIR} && node --import tsx scripts/start.ts`,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      TARN_DATA_DIR: E2E_DATA_DIR,
      TARN_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      DATABASE_URL: "",
      TARN_LOG_LEVEL: "warn",
    },
  },
});
