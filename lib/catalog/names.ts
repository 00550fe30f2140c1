/**
 * Names of catalogs, namespaces, tables and views.
 *
 * Iceberg allows almost any string, and engines rely on it: namespace levels and table
 * or view names may contain "/" and "." (REST compatibility tests create "new/db",
 * "new.db", "tab/le", "ta.ble"). Tarn refuses only what cannot work:
 * - empty names, names over 255 characters, control characters (U+001F separates
 *   namespace levels), leading or trailing spaces;
 * - "." and ".." as a whole name: URL paths and folders treat them as navigation;
 * - "/" in a catalog name: it separates the levels of nested catalog paths;
 * - reserved names (case-insensitive): catalogs `system`, `information_schema` and
 *   `pg_catalog` (the SQL engine's own catalogs), and top-level namespaces
 *   `information_schema` and `pg_catalog` (`catalog.information_schema.tables` must
 *   mean the engine's metadata, never a user's table).
 * Folders on disk use `folderName`, which keeps only safe characters; table and view
 * folders carry a UUID, so names that look alike on disk never share a folder.
 */
import { AppError } from "@/lib/errors";

export const MAX_NAME_LENGTH = 255;
/** Multi-level namespaces are stored as their levels joined by U+001F, as the REST spec encodes them. */
export const NAMESPACE_SEPARATOR = "\u001f";
export const RESERVED_CATALOG_NAMES = ["system", "information_schema", "pg_catalog"] as const;
export const RESERVED_NAMESPACE_NAMES = ["information_schema", "pg_catalog"] as const;

export type NamedThing = "catalog" | "namespace" | "table" | "view" | "tag key";

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
const CONTROL = /[\u0000-\u001f\u007f]/;

/** What is wrong with a name of this kind, or null when it is fine. */
export function nameProblem(name: unknown, kind: NamedThing = "table"): string | null {
  if (typeof name !== "string") return "must be text";
  if (name.length === 0) return "cannot be empty";
  if (name.length > MAX_NAME_LENGTH) return `can have at most ${MAX_NAME_LENGTH} characters`;
  if (name.trim() !== name) return "cannot start or end with a space";
  if (CONTROL.test(name)) return "cannot contain control characters";
  if (name === "." || name === "..") return `cannot be "${name}"`;
  if (kind === "catalog" && name.includes("/")) return "cannot contain / (it separates nested catalogs)";
  if (kind === "catalog" && isReserved(name, RESERVED_CATALOG_NAMES)) return `cannot be "${name}": the name is reserved (${RESERVED_CATALOG_NAMES.join(", ")})`;
  return null;
}

export function validateName(kind: NamedThing, name: unknown): string {
  const problem = nameProblem(name, kind);
  if (problem) throw new AppError("bad_request", `A ${kind} name ${problem}; ${shown(name)} is not allowed.`);
  return name as string;
}

export function validateNamespace(levels: unknown): string[] {
  if (!Array.isArray(levels) || levels.length === 0) throw new AppError("bad_request", "A namespace needs at least one level.");
  if (levels.length > 16) throw new AppError("bad_request", "A namespace can have at most 16 levels.");
  const valid = levels.map((level) => validateName("namespace", level));
  if (isReserved(valid[0], RESERVED_NAMESPACE_NAMES)) {
    throw new AppError("bad_request", `A top-level namespace cannot be named "${valid[0]}": the name is reserved (${RESERVED_NAMESPACE_NAMES.join(", ")}).`);
  }
  return valid;
}

function isReserved(name: string, reserved: readonly string[]): boolean {
  return reserved.includes(name.toLowerCase());
}

function shown(name: unknown): string {
  return typeof name === "string" ? `"${name.length > 40 ? `${name.slice(0, 40)}…` : name}"` : "the name";
}

export function namespacePath(levels: string[]): string {
  return levels.join(NAMESPACE_SEPARATOR);
}

export function namespaceLevels(path: string): string[] {
  return path === "" ? [] : path.split(NAMESPACE_SEPARATOR);
}

/** "sales.orders" style, for messages; a part that is not a plain word is quoted ("new.db"). */
export function displayName(levels: string[], table?: string): string {
  return [...levels, ...(table === undefined ? [] : [table])].map((p) => (/^[\w$-]+$/.test(p) ? p : `"${p}"`)).join(".");
}

/** A folder name that is safe on any file system, still recognisable. */
export function folderName(name: string): string {
  return name.replace(/[^A-Za-z0-9_.$-]/g, "_").replace(/^\.+/, "_").slice(0, 100);
}
