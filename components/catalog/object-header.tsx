import Link from "next/link";
import type { ReactNode } from "react";
import { dottedName, hrefOf, parentOf } from "./paths";
import type { CatalogRef } from "./types";

/** An object page's heading: the way back up (breadcrumbs), its name, its kind and actions. */
export function ObjectHeader({ target, title, kind, summary, actions }: { target: CatalogRef; title: string; kind: ReactNode; summary?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="object-head">
      <div>
        <nav aria-label="Breadcrumbs" className="crumbs">
          {ancestors(target).map((ref) => (
            <span key={hrefOf(ref)}>
              <Link href={hrefOf(ref)}>{ref.kind === "root" ? "Catalog" : lastName(ref)}</Link> /
            </span>
          ))}
        </nav>
        <h1>{title}</h1>
        <div className="row muted">
          {kind}
          {target.kind !== "root" && target.kind !== "catalog" && <code>{dottedName(target)}</code>}
          {summary}
        </div>
      </div>
      {actions && <div className="row">{actions}</div>}
    </div>
  );
}

function ancestors(ref: CatalogRef): CatalogRef[] {
  const chain: CatalogRef[] = [];
  let current = ref;
  while (current.kind !== "root") {
    current = parentOf(current);
    chain.unshift(current);
  }
  return chain;
}

function lastName(ref: Exclude<CatalogRef, { kind: "root" }>): string {
  if (ref.kind === "table") return ref.name;
  if (ref.kind === "namespace") return ref.namespace[ref.namespace.length - 1];
  return ref.catalog.split("/").pop() ?? ref.catalog;
}
