import { catalogContext } from "@/app/_server/catalog-context";
import { CatalogPanel } from "@/components/catalog/catalog-panel";
import { ContainerActions } from "@/components/catalog/object-actions";
import { ObjectHeader } from "@/components/catalog/object-header";
import { RevealInTree } from "@/components/catalog/tree-state";
import { authorize, type Principal } from "@/lib/access";
import { containerAbilities } from "../_server/abilities";
import { catalogDetails } from "../_server/catalog-info";

/** /catalog/<catalog>: what kind it is, where it keeps data, and what it holds. */
export async function CatalogObjectView({ principal, target }: { principal: Principal; target: { kind: "catalog"; catalog: string } }) {
  const details = await catalogDetails(catalogContext(principal), target.catalog);
  const can = containerAbilities(principal, details.kind);
  return (
    <>
      <RevealInTree target={target} />
      <ObjectHeader target={target} title={details.name} kind={<span className="badge accent">{details.kind} catalog</span>} actions={<ContainerActions parent={target} catalogKind={details.kind} can={can} />} />
      <CatalogPanel initial={details} canManage={authorize(principal, "catalog.manage").allowed} canTag={can.tagCatalog} />
    </>
  );
}
