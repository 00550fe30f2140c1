import Link from "next/link";
import { RootActions } from "@/components/catalog/object-actions";
import { ChildrenList } from "@/components/catalog/children-list";
import { TrashPanel } from "@/components/catalog/trash-panel";
import { RevealInTree } from "@/components/catalog/tree-state";
import { PageHeader } from "@/components/shell/page-header";
import { authorize, type Principal } from "@/lib/access";
import { listStorageLocations } from "@/lib/catalog";
import { getDb } from "@/lib/db";

/** /catalog: every catalog the principal may see, and (for those allowed) the trash. */
export async function RootView({ principal, view }: { principal: Principal; view?: string }) {
  const canCreateCatalog = authorize(principal, "catalog.manage").allowed;
  const storageChoices = canCreateCatalog ? (await listStorageLocations(getDb(), principal)).map((s) => s.name) : [];
  const canTrash = authorize(principal, "trash.read").allowed;
  const showTrash = view === "trash" && canTrash;
  return (
    <>
      <RevealInTree target={{ kind: "root" }} />
      <PageHeader
        title="Catalog"
        summary="Catalogs, namespaces, tables and views — and what engines see through the Iceberg REST catalog."
        actions={<RootActions canCreateCatalog={canCreateCatalog} storageChoices={storageChoices} />}
      />
      {canTrash && (
        <nav className="subnav" aria-label="Catalog sections">
          <Link href="/catalog" aria-current={showTrash ? undefined : "page"}>
            Catalogs
          </Link>
          <Link href="/catalog?view=trash" aria-current={showTrash ? "page" : undefined}>
            Trash
          </Link>
        </nav>
      )}
      {showTrash ? (
        <TrashPanel canRestore={authorize(principal, "trash.restore").allowed} />
      ) : (
        <ChildrenList parent={{ kind: "root" }} label="Catalogs" empty="No catalogs yet. An admin can create one." />
      )}
    </>
  );
}
