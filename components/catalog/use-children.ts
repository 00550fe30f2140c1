"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { listChildrenAction } from "@/app/(studio)/catalog/tree-actions";
import { unwrap } from "@/components/action-client";
import { catalogKeys } from "./keys";
import { keyOf } from "./paths";
import type { ParentRef } from "./types";

export const CHILDREN_PAGE_SIZE = 200;

/** The children of a node, a page at a time; the tree and the object pages share this cache. */
export function useChildren(parent: ParentRef) {
  return useInfiniteQuery({
    queryKey: catalogKeys.children(keyOf(parent)),
    queryFn: ({ pageParam }) => unwrap(listChildrenAction({ parent, cursor: pageParam, limit: CHILDREN_PAGE_SIZE })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
