"use client";

import Link from "next/link";
import { ICONS } from "./catalog-tree";
import { hrefOf, keyOf } from "./paths";
import type { NodeKind, ParentRef } from "./types";
import { useChildren } from "./use-children";

/** What a catalog or namespace holds, as a table: name, kind, comment; paged like the tree. */
export function ChildrenList({ parent, label, only, empty }: { parent: ParentRef; label: string; only?: NodeKind[]; empty: string }) {
  const children = useChildren(parent);
  if (children.isPending) return <div className="empty">Loading…</div>;
  if (children.isError) return <div className="form-error" role="alert">{children.error.message}</div>;
  const nodes = children.data.pages.flatMap((p) => p.nodes).filter((n) => !only || only.includes(n.kind));
  return (
    <div className="panel">
      {nodes.length === 0 ? (
        <div className="empty">{empty}</div>
      ) : (
        <table className="data" aria-label={label}>
          <thead>
            <tr>
              <th>Name</th>
              <th>Kind</th>
              <th>Comment</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((node) => (
              <tr key={keyOf(node.ref)} data-name={node.name}>
                <td>
                  <span aria-hidden className="muted">
                    {ICONS[node.kind]}{" "}
                  </span>
                  <Link href={hrefOf(node.ref)}>{node.name}</Link>
                </td>
                <td>
                  {node.kind}
                  {node.badge && <span className="badge" style={{ marginLeft: 6 }}>{node.badge}</span>}
                </td>
                <td className="muted">{node.comment ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {children.hasNextPage && (
        <div className="panel-body">
          <button type="button" onClick={() => children.fetchNextPage()} disabled={children.isFetchingNextPage}>
            {children.isFetchingNextPage ? "Loading…" : `Show more (${nodes.length} shown)`}
          </button>
        </div>
      )}
    </div>
  );
}
