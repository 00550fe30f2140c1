"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type KeyboardEvent, useId, useState } from "react";
import { useDebounced } from "@/components/ui/use-debounced";
import { searchCatalogAction } from "@/app/(studio)/catalog/tree-actions";
import { unwrap } from "@/components/action-client";
import { catalogKeys } from "./keys";
import { hrefOf } from "./paths";
import type { SearchHit } from "./types";

const DEBOUNCE_MS = 150;

/**
 * Search across names, comments and column names (a combobox): results ranked by the
 * server, ↑/↓ choose, Enter opens, Escape closes.
 */
export function CatalogSearch() {
  const router = useRouter();
  const listId = useId();
  const [text, setText] = useState("");
  const query = useDebounced(text.trim(), DEBOUNCE_MS);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const results = useQuery({
    queryKey: catalogKeys.search(query),
    queryFn: () => unwrap(searchCatalogAction({ query, limit: 20 })),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
  });
  const hits = query ? (results.data ?? []) : [];
  const showList = open && query.length > 0;

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setOpen(false);
    router.push(hrefOf(hit.ref));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (hits.length ? (i + step + hits.length) % hits.length : 0));
    } else if (event.key === "Enter") {
      event.preventDefault();
      choose(hits[active]);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  };

  return (
    <div className="catalog-search">
      <input
        type="search"
        role="combobox"
        aria-label="Search the catalog"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && hits[active] ? `${listId}-${active}` : undefined}
        placeholder="Search tables, columns, comments…"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      {showList && (
        <div id={listId} role="listbox" aria-label="Search results" className="search-results panel">
          {results.isError && <div className="field-error search-note">{results.error.message}</div>}
          {!results.isError && hits.length === 0 && <div className="muted search-note">{results.isFetching ? "Searching…" : "Nothing matches."}</div>}
          {hits.map((hit, i) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard stays in the combobox input (aria-activedescendant)
            <div
              key={hrefOf(hit.ref)}
              id={`${listId}-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className="search-hit"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(hit)}
              onMouseEnter={() => setActive(i)}
            >
              <span className="search-label">{hit.label}</span>
              <span className="muted search-why">
                {hit.kind} · {hit.matched}
              </span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
