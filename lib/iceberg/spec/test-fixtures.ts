/**
 * Where tests find the shared Iceberg reference material (real tables, metadata
 * fixtures, the REST spec). It lives outside the repository, at `../shared/iceberg`
 * from the project root, or wherever `TARN_ICEBERG_FIXTURES` points. Test-only: nothing
 * in the shipped code imports this file.
 */
import { existsSync } from "node:fs";
import path from "node:path";

export const FIXTURES_ENV = "TARN_ICEBERG_FIXTURES";

/** The `iceberg` fixtures folder; throws a plain message when it is not there. */
export function icebergFixturesDir(): string {
  const dir = process.env[FIXTURES_ENV] || path.resolve(process.cwd(), "../shared/iceberg");
  if (!existsSync(dir)) {
    throw new Error(`Iceberg fixtures not found at ${dir} (set ${FIXTURES_ENV} to the iceberg folder)`);
  }
  return dir;
}

/** A path inside the fixtures folder, which must exist. */
export function icebergFixture(...segments: string[]): string {
  const file = path.join(icebergFixturesDir(), ...segments);
  if (!existsSync(file)) throw new Error(`Iceberg fixture not found at ${file}`);
  return file;
}
