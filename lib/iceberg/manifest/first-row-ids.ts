/**
 * v3 row lineage, "First Row ID Assignment": before writing a snapshot's manifest list,
 * every data manifest without a `first_row_id` gets the next free one, and the range
 * advances by the rows its files may inherit ids for (added + existing, the spec's
 * "simple and valid approach"). Manifests that have one keep it; delete manifests never
 * get one.
 */
import type { ManifestFileToWrite } from "./types";

export interface FirstRowIdAssignment {
  manifests: ManifestFileToWrite[];
  /** The table's new `next-row-id`; `nextRowId - firstRowId` is the snapshot's `added-rows`. */
  nextRowId: number;
}

export function assignFirstRowIds(
  manifests: ManifestFileToWrite[],
  firstRowId: number,
): FirstRowIdAssignment {
  let nextRowId = firstRowId;
  const assigned = manifests.map((manifest) => {
    if (manifest.content !== "data" || manifest.firstRowId !== undefined) return manifest;
    const withId = { ...manifest, firstRowId: nextRowId };
    nextRowId += (manifest.addedRowsCount ?? 0) + (manifest.existingRowsCount ?? 0);
    return withId;
  });
  return { manifests: assigned, nextRowId };
}
