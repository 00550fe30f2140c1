import { defineConfig } from "vitest/config";

// Two projects: fast unit tests (no services) and integration tests (real SQLite or
// PostgreSQL, real DuckDB, real files). `scripts/test.ts` runs integration once per
// metadata provider by setting TARN_TEST_DB; lib/iceberg never touches the metadata
// store (DESIGN.md), so its integration tests run in the SQLite pass only.
const metadataOnlyPass = process.env.TARN_TEST_DB === "postgresql" ? ["lib/iceberg/**"] : [];

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "tests/unit/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude: ["node_modules/**", ".next/**", ...metadataOnlyPass],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
