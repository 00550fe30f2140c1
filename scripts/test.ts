/**
 * `npm test`: every suite, in order, each counted — typecheck, lint, unit tests,
 * integration tests on SQLite and on PostgreSQL, and the Playwright e2e suite in Chromium.
 * Ends with one line `N passed, M failed` summing them all; exits non-zero on any failure.
 *
 *   npm test                      everything
 *   npm test -- unit e2e          only the named suites (typecheck lint unit integration-sqlite integration-postgresql e2e)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const REPORTS = path.join(ROOT, ".test-reports");
const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);

interface Counts {
  passed: number;
  failed: number;
}

interface Suite {
  name: string;
  command: string[];
  env?: Record<string, string>;
  /** Reads the suite's own report; absent → the suite counts as one check by exit code. */
  count?: (exitCode: number) => Counts;
}

function vitestSuite(name: string, project: string, env: Record<string, string> = {}): Suite {
  const report = path.join(REPORTS, `${name}.json`);
  return {
    name,
    command: [bin("vitest"), "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    env,
    count: (exitCode) => {
      if (!existsSync(report)) return { passed: 0, failed: 1 };
      const r = JSON.parse(readFileSync(report, "utf8")) as { numPassedTests: number; numFailedTests: number; numTotalTestSuites: number; numFailedTestSuites: number };
      // A file that fails to load has no failed tests but is a failure all the same.
      const brokenFiles = exitCode !== 0 && r.numFailedTests === 0 ? Math.max(1, r.numFailedTestSuites) : 0;
      return { passed: r.numPassedTests, failed: r.numFailedTests + brokenFiles };
    },
  };
}

function playwrightSuite(): Suite {
  const report = path.join(REPORTS, "e2e.json");
  return {
    name: "e2e",
    command: [bin("playwright"), "test", "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: report },
    count: (exitCode) => {
      if (!existsSync(report)) return { passed: 0, failed: 1 };
      const { stats } = JSON.parse(readFileSync(report, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } };
      const failed = stats.unexpected + (exitCode !== 0 && stats.unexpected === 0 ? 1 : 0);
      return { passed: stats.expected + stats.flaky, failed };
    },
  };
}

const SUITES: Suite[] = [
  { name: "typecheck", command: [bin("tsc"), "--noEmit", "-p", "tsconfig.json"] },
  { name: "lint", command: [bin("biome"), "lint", "--error-on-warnings", "."] },
  vitestSuite("unit", "unit"),
  vitestSuite("integration-sqlite", "integration", { TARN_TEST_DB: "sqlite" }),
  vitestSuite("integration-postgresql", "integration", { TARN_TEST_DB: "postgresql" }),
  playwrightSuite(),
];

function run(suite: Suite): Counts & { seconds: number } {
  console.log(`\n━━ ${suite.name} ━━`);
  const started = performance.now();
  const result = spawnSync(suite.command[0], suite.command.slice(1), { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...suite.env } });
  const exitCode = result.status ?? 1;
  const counts = suite.count ? suite.count(exitCode) : exitCode === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  return { ...counts, seconds: (performance.now() - started) / 1000 };
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !SUITES.some((s) => s.name === w || s.name.startsWith(`${w}-`)));
if (unknown.length) {
  console.error(`Unknown suite(s): ${unknown.join(", ")}. Known: ${SUITES.map((s) => s.name).join(", ")}`);
  process.exit(2);
}
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });
const chosen = wanted.length ? SUITES.filter((s) => wanted.some((w) => s.name === w || s.name.startsWith(`${w}-`))) : SUITES;
const results = chosen.map((suite) => ({ suite: suite.name, ...run(suite) }));

console.log("\n━━ summary ━━");
for (const r of results) console.log(`${r.suite.padEnd(24)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(4)} failed  ${r.seconds.toFixed(0)}s`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
