"use client";

import Link from "next/link";
import { useMemo } from "react";
import { hrefOf, keyOf } from "./paths";
import { createTreeKeyHandler } from "./tree-keyboard";
import { useTreeState } from "./tree-state";
import type { ParentRef, TreeNodeData } from "./types";
import { useChildren } from "./use-children";

export const ICONS: Record<TreeNodeData["kind"], string> = { catalog: "◫", namespace: "▤", table: "▦", view: "◈", external: "⧉" };

/**
 * The catalog tree: catalogs → namespaces → tables, views and external tables. Each level
 * loads when opened, a page at a time ("Show more"), so a namespace of 100,000 tables
 * renders 200 rows. One item holds tab focus; arrows, Home/End, Enter and typing move it.
 */
export function CatalogTree() {
  const { toggle } = useTreeState();
  const onKeyDown = useMemo(() => createTreeKeyHandler({ toggle }), [toggle]);
  return (
    // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA tree pattern; no native element does this
    <ul role="tree" aria-label="Catalog" className="tree" onKeyDown={onKeyDown} tabIndex={-1}>
      <TreeLevel parent={{ kind: "root" }} level={1} />
    </ul>
  );
}

function TreeLevel({ parent, level }: { parent: ParentRef; level: number }) {
  const children = useChildren(parent);
  if (children.isPending) return <TreeNote level={level} text="Loading…" />;
  if (children.isError) return <TreeNote level={level} text={children.error.message} error />;
  const nodes = children.data.pages.flatMap((page) => page.nodes);
  if (nodes.length === 0) return <TreeNote level={level} text={parent.kind === "root" ? "No catalogs yet." : "Empty"} />;
  return (
    <>
      {nodes.map((node, i) => (
        <TreeItem key={keyOf(node.ref)} node={node} level={level} position={i + 1} size={children.hasNextPage ? undefined : nodes.length} />
      ))}
      {children.hasNextPage && (
        <ShowMore level={level} loading={children.isFetchingNextPage} onMore={() => children.fetchNextPage()} label={`Show more (${nodes.length} shown)`} />
      )}
    </>
  );
}

function TreeItem({ node, level, position, size }: { node: TreeNodeData; level: number; position: number; size?: number }) {
  const { expanded, selectedKey, focusedKey, toggle, setFocusedKey } = useTreeState();
  const key = keyOf(node.ref);
  const container = node.ref.kind !== "table";
  const open = container && expanded.has(key);
  const isFocusTarget = focusedKey ? focusedKey === key : level === 1 && position === 1;
  return (
    <li
      role="treeitem"
      aria-level={level}
      aria-posinset={position}
      aria-setsize={size ?? -1}
      aria-expanded={container ? open : undefined}
      aria-selected={selectedKey === key}
      aria-label={node.name}
      aria-description={node.kind === "catalog" ? `${node.badge ?? ""} catalog` : node.kind}
      data-key={key}
      data-label={node.name}
      tabIndex={isFocusTarget ? 0 : -1}
      onFocus={(event) => event.target === event.currentTarget && setFocusedKey(key)}
      className="tree-item"
    >
      <div className="tree-row" style={{ paddingLeft: (level - 1) * 14 + 4 }}>
        <span className="tree-caret" aria-hidden onClick={() => container && toggle(key, !open)}>
          {container ? (open ? "▾" : "▸") : ""}
        </span>
        <span aria-hidden className="tree-icon">
          {ICONS[node.kind]}
        </span>
        <Link href={hrefOf(node.ref)} tabIndex={-1} data-activate onClick={() => container && toggle(key, true)} className="tree-label" title={node.comment ?? undefined}>
          {node.name}
        </Link>
        {node.badge && node.badge !== "managed" && <span className="badge tree-badge">{node.badge}</span>}
      </div>
      {open && (
        // biome-ignore lint/a11y/useSemanticElements: part of the tree pattern
        <ul role="group">
          <TreeLevel parent={node.ref as ParentRef} level={level + 1} />
        </ul>
      )}
    </li>
  );
}

function ShowMore({ level, loading, onMore, label }: { level: number; loading: boolean; onMore: () => void; label: string }) {
  return (
    <li role="treeitem" aria-level={level} aria-selected={false} aria-label={label} tabIndex={-1} data-label="" className="tree-item">
      <div className="tree-row" style={{ paddingLeft: (level - 1) * 14 + 26 }}>
        <button type="button" className="link" tabIndex={-1} data-activate onClick={onMore} disabled={loading}>
          {loading ? "Loading…" : label}
        </button>
      </div>
    </li>
  );
}

function TreeNote({ level, text, error }: { level: number; text: string; error?: boolean }) {
  return (
    <li role="none" className={error ? "tree-note field-error" : "tree-note muted"} style={{ paddingLeft: (level - 1) * 14 + 26 }}>
      {text}
    </li>
  );
}
