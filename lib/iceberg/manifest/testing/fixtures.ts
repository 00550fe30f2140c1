/**
 * Test helper: where the shared Iceberg reference material lives (see
 * /work/shared/iceberg/README.md). `TARN_ICEBERG_FIXTURES` overrides the default,
 * `../shared/iceberg` from the project root.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

export const FIXTURES_DIR = resolve(
  process.env.TARN_ICEBERG_FIXTURES ?? join(process.cwd(), "../shared/iceberg"),
);

export const FIXTURES_PRESENT = existsSync(join(FIXTURES_DIR, "tables"));

export const FIXTURES_ABSENT_NOTE = `Iceberg fixtures not found at ${FIXTURES_DIR}; set TARN_ICEBERG_FIXTURES to run these tests`;

export function fixturePath(...parts: string[]): string {
  return join(FIXTURES_DIR, ...parts);
}

/** Every file under `dir` whose name passes `accept`, sorted, as absolute paths. */
export function walkFiles(dir: string, accept: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walkFiles(path, accept));
    else if (accept(name)) out.push(path);
  }
  return out;
}
