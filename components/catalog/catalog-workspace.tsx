"use client";

import type { ReactNode } from "react";
import { CatalogSearch } from "./catalog-search";
import { CatalogTree } from "./catalog-tree";
import { TreeStateProvider } from "./tree-state";

/** The catalog area: search and the tree on the left, the chosen object's page on the right. */
export function CatalogWorkspace({ children }: { children: ReactNode }) {
  return (
    <TreeStateProvider>
      <div className="catalog-layout">
        <aside className="catalog-side panel" aria-label="Catalog browser">
          <CatalogSearch />
          <div className="tree-scroll">
            <CatalogTree />
          </div>
        </aside>
        <section className="catalog-main">
          {children}
        </section>
      </div>
    </TreeStateProvider>
  );
}
