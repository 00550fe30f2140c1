"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { catalogKeys } from "./keys";
import { hrefOf, keyOf } from "./paths";
import type { CatalogRef, ParentRef } from "./types";

/**
 * After something was created under `parent`: refresh exactly the parent's children (tree
 * and lists share them), its detail and search, then open the new object's page.
 */
export function useCreated() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return async (parent: ParentRef, created: CatalogRef) => {
    const parentKey = keyOf(parent);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: catalogKeys.children(parentKey) }),
      queryClient.invalidateQueries({ queryKey: parent.kind === "namespace" ? catalogKeys.namespace(parentKey) : catalogKeys.catalog(parentKey) }),
      queryClient.invalidateQueries({ queryKey: catalogKeys.searchAll() }),
    ]);
    router.push(hrefOf(created));
  };
}
