/**
 * Builds the Next.js app only when its sources changed since the last build: a hash of
 * the source files is kept in .next/tarn-build-hash. A second start skips the build.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const SOURCES = ["app", "components", "lib", "public", "proxy.ts", "next.config.js", "tsconfig.json", "package-lock.json", "prisma/models.prisma"];
const SKIP = /(^|\/)(node_modules|\.next|__tests__)(\/|$)|\.test\.tsx?$/;
const HASH_FILE = path.join(ROOT, ".next/tarn-build-hash");

export function sourceHash(): string {
  const hash = createHash("sha256");
  const visit = (rel: string) => {
    const abs = path.join(ROOT, rel);
    if (!existsSync(abs) || SKIP.test(rel)) return;
    if (statSync(abs).isDirectory()) {
      for (const entry of readdirSync(abs).sort()) visit(path.join(rel, entry));
      return;
    }
    hash.update(rel).update("\0").update(readFileSync(abs)).update("\0");
  };
  for (const source of SOURCES) visit(source);
  return hash.digest("hex");
}

export function buildIfNeeded(): { built: boolean } {
  const hash = sourceHash();
  const previous = existsSync(HASH_FILE) ? readFileSync(HASH_FILE, "utf8").trim() : "";
  if (previous === hash && existsSync(path.join(ROOT, ".next/BUILD_ID"))) return { built: false };
  console.log("Building the studio (first start, or the code changed)…");
  const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("The build failed; see the messages above.");
  writeFileSync(HASH_FILE, `${hash}\n`);
  return { built: true };
}
