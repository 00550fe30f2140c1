import "server-only";
import type { Principal } from "@/lib/access";
import type { CatalogContext } from "@/lib/catalog";
import { type Db, getDb } from "@/lib/db";
import { LocalFileIO } from "@/lib/iceberg/io";

// One FileIO per server process: it holds no per-request state.
const io = new LocalFileIO();

/** What lib/catalog functions need, for the principal of this request. */
export function catalogContext(principal: Principal, db: Db = getDb()): CatalogContext {
  return { db, io, actor: principal };
}
