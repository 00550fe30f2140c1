/** add-sort-order, set-default-sort-order — Java's `TableMetadata.Builder` semantics. */
import type { SortField } from "../spec";
import type { MetadataDraft } from "./apply-draft";
import { known, resolveLastAdded } from "./apply-schema";
import { sameSources, schemaFor } from "./apply-spec";
import { canonicalTransform, sourceProblem } from "./compatibility";
import type { TableUpdate } from "./types";

type Update<A extends TableUpdate["action"]> = Extract<TableUpdate, { action: A }>;

/** Order id 0 is reserved for "unsorted"; sorted orders are numbered from 1. */
const UNSORTED_ORDER_ID = 0;

/**
 * Adds a sort order, or re-uses an equal one (same fields in the same order; the id
 * does not count). The unsorted order is always id 0; a new sorted order gets the
 * next id from 1, and is checked against the current schema.
 */
export function addSortOrder(draft: MetadataDraft, update: Update<"add-sort-order">): void {
  const meta = draft.meta;
  const fields = update.sortOrder.fields.map((field) => canonical(draft, field));
  const existing = meta.sortOrders.find((order) => sameSortFields(order.fields, fields));
  if (existing) {
    draft.lastAddedSortOrderId = existing.orderId;
    return;
  }
  let orderId = UNSORTED_ORDER_ID;
  if (fields.length > 0) {
    const schema = schemaFor(draft, "sort order");
    for (const field of fields) {
      const problem = sourceProblem(field, schema);
      if (problem) draft.fail(`sort field ${field.transform}(${field.sourceId}): ${problem}`);
    }
    orderId = Math.max(UNSORTED_ORDER_ID, ...meta.sortOrders.map((o) => o.orderId)) + 1;
  }
  meta.sortOrders.push({ orderId, fields });
  draft.lastAddedSortOrderId = orderId;
  draft.changed = true;
}

export function setDefaultSortOrder(
  draft: MetadataDraft,
  update: Update<"set-default-sort-order">,
): void {
  const meta = draft.meta;
  const orderId = resolveLastAdded(
    draft,
    update.sortOrderId,
    draft.lastAddedSortOrderId,
    "sort order",
  );
  if (meta.defaultSortOrderId === orderId) return;
  if (!meta.sortOrders.some((o) => o.orderId === orderId)) {
    const ids = known(meta.sortOrders.map((o) => o.orderId));
    draft.fail(`cannot set the default sort order to unknown order ${orderId} ${ids}`);
  }
  meta.defaultSortOrderId = orderId;
  draft.changed = true;
}

function canonical(draft: MetadataDraft, field: SortField): SortField {
  const transform = canonicalTransform(field.transform);
  if (typeof transform !== "string") draft.fail(transform.problem);
  return { ...field, transform };
}

function sameSortFields(a: readonly SortField[], b: readonly SortField[]): boolean {
  return (
    a.length === b.length &&
    a.every((field, i) => {
      const other = b[i];
      return (
        field.transform === other.transform &&
        field.direction === other.direction &&
        field.nullOrder === other.nullOrder &&
        sameSources(field, other)
      );
    })
  );
}
