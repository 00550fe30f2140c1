/**
 * `pageToken` / `pageSize` as the spec has them: no token and no size lists everything;
 * an empty token starts a paged listing. Tokens are lib/catalog's opaque keyset cursors.
 */
import type { PageRequest } from "@/lib/catalog";
import { badRequest } from "./errors";

export function pageRequestOf(url: URL): PageRequest {
  const request: PageRequest = {};
  const token = url.searchParams.get("pageToken");
  if (token !== null) request.pageToken = token;
  const size = url.searchParams.get("pageSize");
  if (size !== null) {
    if (!/^\d{1,9}$/.test(size) || Number(size) < 1) throw badRequest(`pageSize must be a positive whole number, not "${size.slice(0, 40)}".`);
    request.pageSize = Number(size);
  }
  return request;
}
