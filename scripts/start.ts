/**
 * `npm start`: prepare the embedded default (or whatever DATABASE_URL / TARN_DATA_DIR
 * say), build if the code changed, and serve the studio. `--dev` serves with hot reload.
 */
import path from "node:path";
import { redactUrl } from "@/lib/config";
import { buildIfNeeded } from "./build-if-needed.ts";
import { prepare } from "./prepare.ts";

const dev = process.argv.includes("--dev");
const ROOT = path.resolve(import.meta.dirname, "..");

async function main(): Promise<void> {
  const started = performance.now();
  const { config, adminPassword, demoCreated } = await prepare(process.env);
  if (!dev) buildIfNeeded();
  // React and Next pick their build by NODE_ENV when first loaded: set it before importing them.
  Object.assign(process.env, { NODE_ENV: dev ? "development" : "production", NEXT_TELEMETRY_DISABLED: "1" });
  const { startServer } = await import("./server.ts");
  const hostname = process.env.HOST || "0.0.0.0";
  const stopServer = await startServer({ dir: ROOT, port: config.port, hostname, dev });
  stopOnSignals(stopServer);
  const [{ startMaintenance }, { getDb }, { LocalFileIO }, { readExecOptions }] = await Promise.all([
    import("@/lib/maintenance"),
    import("@/lib/db"),
    import("@/lib/iceberg/io"),
    import("@/lib/query/exec"),
  ]);
  startMaintenance({ db: getDb(), io: new LocalFileIO(), resultsDir: readExecOptions().resultsDir });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\nTarn is running at http://localhost:${config.port}  (ready in ${seconds}s)`);
  console.log(`  metadata: ${redactUrl(config.databaseUrl)}`);
  console.log(`  data:     ${config.dataDir}`);
  if (demoCreated) console.log("  demo:     created the demo catalog (demo.sales: customers, products, orders, order_lines)");
  if (adminPassword) {
    console.log("\n  First start: an admin account was created. Sign in with");
    console.log("    username: admin");
    console.log(`    password: ${adminPassword}`);
    console.log("  This password is shown only now. Change it under your user menu → Change password.\n");
  }
}

/**
 * SIGTERM/SIGINT: stop taking requests, stop running queries (their DuckDB work is
 * interrupted), then exit — at most 10 s later whatever is still open.
 */
function stopOnSignals(stopServer: () => Promise<void>): void {
  const stop = async (signal: string) => {
    console.log(`\nTarn is stopping (${signal}).`);
    setTimeout(() => process.exit(0), 10_000).unref();
    const { closeQueryEngine } = await import("@/lib/query/exec");
    closeQueryEngine();
    await stopServer();
    process.exit(0);
  };
  process.once("SIGTERM", (signal) => void stop(signal));
  process.once("SIGINT", (signal) => void stop(signal));
}

main().catch((error: unknown) => {
  console.error(`\nTarn could not start: ${(error as Error).message}`);
  process.exit(1);
});
