/**
 * Pages of a list, as the REST spec pages them: an opaque `pageToken` ("" starts a
 * paged listing), a `pageSize` upper bound, and `nextPageToken` null on the last page.
 *
 * The token is a keyset cursor — the last name returned, encoded — so a page is one
 * indexed range query however deep it is, and objects created or dropped between pages
 * neither repeat nor shift the others.
 */
import { AppError } from "@/lib/errors";

export interface PageRequest {
  /** Absent: everything, unpaged (unless `pageSize` is given). "" or a token: a page. */
  pageToken?: string;
  pageSize?: number;
}

export interface Page<T> {
  items: T[];
  nextPageToken: string | null;
}

/** Page size when a client asks for pages without saying how big. */
export const DEFAULT_PAGE_SIZE = 1000;
export const MAX_PAGE_SIZE = 10_000;

export interface PageQuery {
  /** Return names strictly after this one. */
  after?: string;
  /** Rows to fetch: one more than the page, to know whether another page follows. */
  take?: number;
  size?: number;
}

export function pageQuery(request: PageRequest = {}): PageQuery {
  const paged = request.pageToken !== undefined || request.pageSize !== undefined;
  if (!paged) return {};
  const size = request.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1) throw new AppError("bad_request", `The page size must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  const capped = Math.min(size, MAX_PAGE_SIZE);
  return { after: request.pageToken ? decodeToken(request.pageToken) : undefined, take: capped + 1, size: capped };
}

/** The page of `rows` (fetched with `query.take`), and the token for the next one. */
export function toPage<R, T>(rows: R[], query: PageQuery, keyOf: (row: R) => string, map: (row: R) => T): Page<T> {
  if (query.size === undefined || rows.length <= query.size) return { items: rows.map(map), nextPageToken: null };
  const page = rows.slice(0, query.size);
  return { items: page.map(map), nextPageToken: encodeToken(keyOf(page[page.length - 1])) };
}

function encodeToken(after: string): string {
  return Buffer.from(JSON.stringify({ a: after }), "utf8").toString("base64url");
}

function decodeToken(token: string): string {
  try {
    const value = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { a?: unknown };
    // A control character can only come from a forged token, and PostgreSQL refuses NUL.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
    if (typeof value.a === "string" && !/[\u0000-\u001f]/.test(value.a.replaceAll("\u001f", ""))) return value.a;
  } catch {
    // fall through: the same message for every malformed token
  }
  throw new AppError("bad_request", "The page token is not valid; start again without one.");
}
