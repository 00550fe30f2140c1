/**
 * `npm run bench [-- name…]`: runs the benchmarks in bench/*.bench.ts and prints their
 * figures. Not part of `npm test`.
 */
import { readdirSync } from "node:fs";
import path from "node:path";

const dir = import.meta.dirname;
const wanted = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)));
if (benches.length === 0) {
  console.error(`No benchmark matches ${wanted.join(", ")}.`);
  process.exit(2);
}
for (const file of benches) {
  const mod = (await import(path.join(dir, file))) as { run: () => Promise<void> };
  await mod.run();
}
