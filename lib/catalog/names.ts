/**
 * Names of catalogs, namespaces and tables. Iceberg itself allows almost any string; Tarn
 * refuses what would be ambiguous or unsafe as a folder name, with a message saying why.
 */
import { AppError } from "@/lib/errors";

export const MAX_NAME_LENGTH = 255;
/** Multi-level namespaces are stored as their levels joined by U+001F, as the REST spec encodes them. */
export const NAMESPACE_SEPARATOR = "\u001f";

export type NamedThing = "catalog" | "namespace" | "table" | "view";

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
const CONTROL = /[\u0000-\u001f\u007f]/;

export function nameProblem(name: unknown): string | null {
  if (typeof name !== "string") return "must be text";
  if (name.length === 0) return "cannot be empty";
  if (name.length > MAX_NAME_LENGTH) return `can have at most ${MAX_NAME_LENGTH} characters`;
  if (name.trim() !== name) return "cannot start or end with a space";
  if (CONTROL.test(name)) return "cannot contain control characters";
  if (name.includes("/") || name.includes("\\")) return "cannot contain / or \\";
  if (name === "." || name === "..") return `cannot be "${name}"`;
  return null;
}

export function validateName(kind: NamedThing, name: unknown): string {
  const problem = nameProblem(name);
  if (problem) {
    const shown = typeof name === "string" ? `"${name.length > 40 ? `${name.slice(0, 40)}…` : name}"` : "the name";
    throw new AppError("bad_request", `A ${kind} name ${problem}; ${shown} is not allowed.`);
  }
  return name as string;
}

export function validateNamespace(levels: unknown): string[] {
  if (!Array.isArray(levels) || levels.length === 0) throw new AppError("bad_request", "A namespace needs at least one level.");
  if (levels.length > 16) throw new AppError("bad_request", "A namespace can have at most 16 levels.");
  return levels.map((level) => validateName("namespace", level));
}

export function namespacePath(levels: string[]): string {
  return levels.join(NAMESPACE_SEPARATOR);
}

export function namespaceLevels(path: string): string[] {
  return path === "" ? [] : path.split(NAMESPACE_SEPARATOR);
}

/** "sales.orders" style, for messages. */
export function displayName(levels: string[], table?: string): string {
  return [...levels, ...(table === undefined ? [] : [table])].map((p) => (/^[\w$-]+$/.test(p) ? p : `"${p}"`)).join(".");
}

/** A folder name that is safe on any file system, still recognisable. */
export function folderName(name: string): string {
  return name.replace(/[^A-Za-z0-9_.$-]/g, "_").replace(/^\.+/, "_").slice(0, 100);
}
