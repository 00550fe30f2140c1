/**
 * The directions of dependency from DESIGN.md, checked on every import in the tree:
 * lib/ knows nothing of Next.js, React, app/ or components/; lib/iceberg imports nothing
 * else of lib/; components/ imports server-side lib/ code only as types.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  return readdirSync(abs).flatMap((entry) => {
    const rel = path.join(dir, entry);
    if (entry === "generated" || entry === "node_modules") return [];
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(entry) ? [rel] : [];
  });
}

interface ImportRef {
  file: string;
  spec: string;
  typeOnly: boolean;
}

// import … from "x" / export … from "x" / import("x") / require("x"); good enough for our own code.
const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s+["']([^"']+)["']/g;

function importsOf(file: string): ImportRef[] {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  return [...text.matchAll(IMPORT)].map((m) => ({ file, spec: m[3] ?? m[4] ?? m[5] ?? m[6], typeOnly: !!m[2] }));
}

/** "@/lib/x/y" or a relative path → the repo-relative target, for our own modules. */
function target(ref: ImportRef): string | null {
  if (ref.spec.startsWith("@/")) return ref.spec.slice(2);
  if (ref.spec.startsWith(".")) return path.join(path.dirname(ref.file), ref.spec);
  return null;
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

describe("architecture", () => {
  const libImports = sourceFiles("lib").filter((f) => !isTest(f)).flatMap(importsOf);

  it("lib/ imports nothing from next, react, app/ or components/", () => {
    const bad = libImports.filter((r) => /^(next|react|react-dom)(\/|$)/.test(r.spec) || /^(app|components)\//.test(target(r) ?? ""));
    expect(bad).toEqual([]);
  });

  it("lib/iceberg imports nothing else of lib/", () => {
    const bad = libImports.filter((r) => {
      const t = target(r);
      return r.file.startsWith("lib/iceberg/") && t?.startsWith("lib/") && !t.startsWith("lib/iceberg");
    });
    expect(bad).toEqual([]);
  });

  it("components/ imports lib/ only as types (server code stays on the server)", () => {
    const bad = sourceFiles("components")
      .flatMap(importsOf)
      .filter((r) => (target(r) ?? "").startsWith("lib/") && !r.typeOnly);
    expect(bad).toEqual([]);
  });

  it("finds imports at all (the scanner works)", () => {
    expect(libImports.some((r) => r.spec === "@/lib/access")).toBe(true);
    expect(importsOf("app/(studio)/layout.tsx").some((r) => r.spec === "@/lib/access" && !r.typeOnly)).toBe(true);
  });
});
