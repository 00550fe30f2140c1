"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { tableOverviewAction } from "@/app/(studio)/catalog/table-actions";
import { unwrap } from "@/components/action-client";
import { catalogKeys } from "./keys";
import { keyOf } from "./paths";
import { identOf, type TableRef } from "./table-tabs";
import type { TableOverview } from "./table-types";

/** The table's Overview data, shared by the Overview tab and the header's buttons (one cache entry). */
export function useTableOverview(target: TableRef, initial: TableOverview): TableOverview {
  const queryClient = useQueryClient();
  const queryKey = catalogKeys.tablePart(keyOf(target), "overview");
  // The page's Overview, loaded with it, goes into the cache (not initialData): a change made
  // on another tab then invalidates it like any other entry.
  useState(() => queryClient.getQueryData(queryKey) ?? queryClient.setQueryData(queryKey, initial));
  const overview = useQuery({
    queryKey,
    queryFn: () => unwrap(tableOverviewAction(identOf(target))),
    placeholderData: initial,
  });
  return overview.data ?? initial;
}
