/**
 * The compare-and-swap of a table's or view's metadata pointer: the row moves to the new
 * metadata file only if it still points where the commit started (and is not in the
 * trash). Run inside a transaction; a count of 0 means someone else committed first.
 */
import type { Tx } from "./context";
import type { TableRow } from "./table-rows";

export interface PointerFields {
  tableUuid: string;
  location: string;
  comment: string | null;
  searchText: string;
}

export async function swapPointer(tx: Tx, row: TableRow, metadataLocation: string, fields: PointerFields): Promise<boolean> {
  const swapped = await tx.catalogTable.updateMany({
    where: { id: row.id, metadataLocation: row.metadataLocation, deletedKey: "" },
    data: { metadataLocation, previousMetadataLocation: row.metadataLocation, ...fields },
  });
  return swapped.count === 1;
}

/**
 * For a table a multi-table commit does not change: the same check, and a row lock held
 * to the end of the transaction, so the requirements checked on it stay true until all
 * pointers have moved. `updatedAt` is written back unchanged.
 */
export async function holdPointer(tx: Tx, row: TableRow): Promise<boolean> {
  const held = await tx.catalogTable.updateMany({
    where: { id: row.id, metadataLocation: row.metadataLocation, deletedKey: "" },
    data: { metadataLocation: row.metadataLocation, updatedAt: row.updatedAt },
  });
  return held.count === 1;
}
