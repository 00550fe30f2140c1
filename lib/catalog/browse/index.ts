/**
 * Browsing the catalog: the lazy tree, search, and the data of a table's page.
 *
 *   const page = await listChildren(ctx, { kind: "namespace", catalog: "lake", namespace: ["sales"] }, { limit: 100 });
 *   const more = await listChildren(ctx, node, { cursor: page.nextCursor });
 *   const hits = await searchCatalog(ctx, "orders", { limit: 20 });   // ranked, each with its path
 *
 * What a principal may see comes from lib/access `catalogVisibility`, ANDed into every
 * query (a filter, never a loop over items).
 */
export type { BrowseItem, BrowseItemKind, BrowseNode, BrowsePage, ItemPath } from "./items";
export { MATCH_ORDER, type MatchKind } from "./rank";
export { type SearchHit, type SearchOptions, searchCatalog } from "./search";
export { DEFAULT_PAGE, type ListChildrenOptions, listChildren, MAX_PAGE } from "./tree";
