/**
 * Sandboxed DuckDB instances. Every instance that could ever see SQL derived from a
 * person's text is created here: files are reachable only below the allowed folders,
 * external access is off (no other files, no INSTALL/LOAD, no network), and the
 * configuration is locked, so nothing run later on any connection can loosen it.
 *
 * Order matters: `allowed_directories` can only be set while external access is on, and
 * `enable_external_access = false` cannot be undone; `lock_configuration` comes last.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { quoteString } from "@/lib/iceberg/duckdb";

export interface SandboxSpec {
  /** Folders (plain absolute paths) whose files may be read and written. */
  allowed: readonly string[];
  memoryLimit: string;
  threads: number;
  /** This instance's own spill folder (created here). */
  tempDir: string;
}

export async function createSandboxedInstance(spec: SandboxSpec): Promise<DuckDBInstance> {
  mkdirSync(spec.tempDir, { recursive: true });
  const instance = await DuckDBInstance.create(":memory:", {
    threads: String(spec.threads),
    memory_limit: spec.memoryLimit,
    temp_directory: spec.tempDir,
  });
  try {
    const setup = await instance.connect();
    try {
      for (const statement of sandboxStatements(spec.allowed)) await setup.run(statement);
    } finally {
      setup.closeSync();
    }
    return instance;
  } catch (error) {
    instance.closeSync();
    throw error;
  }
}

/** The SETs that close the sandbox, in the order they must run. */
export function sandboxStatements(allowed: readonly string[]): string[] {
  const folders = allowed.map(asFolderPrefix);
  return [
    // Results render the same wherever the server runs.
    "SET TimeZone = 'UTC'",
    "SET autoinstall_known_extensions = false",
    "SET autoload_known_extensions = false",
    `SET allowed_directories = [${folders.map(quoteString).join(", ")}]`,
    "SET enable_external_access = false",
    "SET lock_configuration = true",
  ];
}

/**
 * DuckDB treats allowed directories as prefixes of a path: "/lake/a" would also allow
 * "/lake/ab". A trailing separator makes each one a folder and nothing beside it.
 */
export function asFolderPrefix(folder: string): string {
  const plain = path.resolve(folder.replace(/^file:(\/\/)?/, ""));
  return plain.endsWith(path.sep) ? plain : `${plain}${path.sep}`;
}

/** Whether every folder is inside one of the allowed ones (both as folder prefixes). */
export function covers(allowed: readonly string[], folders: readonly string[]): boolean {
  const prefixes = allowed.map(asFolderPrefix);
  return folders.every((folder) => {
    const wanted = asFolderPrefix(folder);
    return prefixes.some((prefix) => wanted.startsWith(prefix));
  });
}
