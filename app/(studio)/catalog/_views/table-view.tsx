import { catalogContext } from "@/app/_server/catalog-context";
import { ObjectHeader } from "@/components/catalog/object-header";
import { TableTabs } from "@/components/catalog/table-tabs";
import { RevealInTree } from "@/components/catalog/tree-state";
import type { Principal } from "@/lib/access";
import { tableAbilities } from "../_server/abilities";
import { catalogContextKind } from "../_server/catalog-info";
import { tableOverview } from "../_server/table-views";

type TableRef = { kind: "table"; catalog: string; namespace: string[]; name: string };

/** /catalog/<catalog>/<namespace…>/<table>: the table's tabs, Overview loaded with the page. */
export async function TableView({ principal, target, tab }: { principal: Principal; target: TableRef; tab?: string }) {
  const ctx = catalogContext(principal);
  const ident = { catalog: target.catalog, namespace: target.namespace, name: target.name };
  const [overview, catalogKind] = await Promise.all([tableOverview(ctx, ident), catalogContextKind(ctx, target.catalog)]);
  const federated = catalogKind === "federated";
  return (
    <>
      <RevealInTree target={target} />
      <ObjectHeader target={target} title={target.name} kind={<span className="badge accent">{federated ? "federated table" : overview.kind === "external" ? "external table" : overview.kind}</span>} />
      <TableTabs target={target} initialOverview={{ ...overview, federated }} can={tableAbilities(principal, catalogKind)} initialTab={tab} />
    </>
  );
}
