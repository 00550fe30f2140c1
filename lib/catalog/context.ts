import type { Principal } from "@/lib/access";
import type { Db } from "@/lib/db";
import type { FileIO } from "@/lib/iceberg/io";

/** What catalog operations work with: the metadata store, table files, and who is asking. */
export interface CatalogContext {
  db: Db;
  io: FileIO;
  actor: Principal;
}

/** A Prisma transaction client. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
