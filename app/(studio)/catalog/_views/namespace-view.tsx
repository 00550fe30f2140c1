import { catalogContext } from "@/app/_server/catalog-context";
import { DropNamespaceButton } from "@/components/catalog/drop-namespace-button";
import { NamespacePanel } from "@/components/catalog/namespace-panel";
import { ContainerActions } from "@/components/catalog/object-actions";
import { ObjectHeader } from "@/components/catalog/object-header";
import { RevealInTree } from "@/components/catalog/tree-state";
import type { Principal } from "@/lib/access";
import { containerAbilities } from "../_server/abilities";
import { namespaceDetails } from "../_server/namespace-info";

type NamespaceRef = { kind: "namespace"; catalog: string; namespace: string[] };

/** /catalog/<catalog>/<namespace…>: its properties, child namespaces and tables. */
export async function NamespaceView({ principal, target }: { principal: Principal; target: NamespaceRef }) {
  const details = await namespaceDetails(catalogContext(principal), target);
  const can = containerAbilities(principal, details.catalogKind);
  return (
    <>
      <RevealInTree target={target} />
      <ObjectHeader
        target={target}
        title={target.namespace[target.namespace.length - 1]}
        kind={<span className="badge accent">namespace</span>}
        actions={
          <>
            <ContainerActions parent={target} catalogKind={details.catalogKind} can={can} />
            {can.alterNamespace && <DropNamespaceButton target={target} />}
          </>
        }
      />
      <NamespacePanel target={target} initial={details} canAlter={can.alterNamespace} canChangeOwner={can.changeOwner} canTag={can.tagNamespace} />
    </>
  );
}
