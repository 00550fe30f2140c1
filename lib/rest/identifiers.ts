/**
 * Names in REST paths. Every segment is percent-decoded on its own, so a table named
 * "tab/le" arrives as `tab%2Fle` and a namespace level "new.db" as `new.db`; a
 * multi-level namespace is one segment with its levels joined by U+001F (`a%1Fb`), and
 * the catalog path (`{prefix}`, which may be nested: "lake/raw") is one segment too.
 * Java clients encode with `URLEncoder`, which writes a space as "+", so "+" decodes to
 * a space as Java's server does; other clients encode "+" itself as %2B.
 */
import { badRequest } from "./errors";

const SEPARATOR = "\u001f";

/** One decoded path segment; a malformed escape is a 400. */
export function decodeSegment(raw: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    throw badRequest(`The path segment "${raw.slice(0, 60)}" is not valid percent-encoding.`);
  }
  return decoded;
}

/** The levels of a namespace as it appears in a path or the `parent` parameter (decoded). */
export function namespaceLevels(decoded: string): string[] {
  if (decoded === "") throw badRequest("The namespace in the path is empty.");
  return decoded.split(SEPARATOR).map(plainName);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A name as a lookup key. No Tarn name holds a control character (lib/catalog refuses
 * them), and PostgreSQL refuses a NUL even in a query, so one is a 400 before any lookup.
 */
export function plainName(name: string): string {
  if (CONTROL.test(name)) throw badRequest(`The name "${name.slice(0, 40).replace(CONTROL, "?")}" contains a control character; no catalog object has one.`);
  return name;
}

/** How a catalog path appears as `{prefix}`: one segment, "/" escaped. */
export function encodePrefix(catalogPath: string): string {
  return encodeURIComponent(catalogPath);
}

/** The raw path segments after the base path, or null when the URL is not under it. */
export function segmentsUnder(pathname: string, base: string): string[] | null {
  if (pathname !== base && !pathname.startsWith(`${base}/`)) return null;
  const rest = pathname.slice(base.length + 1);
  return rest === "" ? [] : rest.split("/");
}
