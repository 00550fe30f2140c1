import { notFound } from "next/navigation";
import { catalogContext } from "@/app/_server/catalog-context";
import { ObjectHeader } from "@/components/catalog/object-header";
import { TableActionsBar } from "@/components/catalog/table-actions-bar";
import { TableTabs } from "@/components/catalog/table-tabs";
import { RevealInTree } from "@/components/catalog/tree-state";
import type { Principal } from "@/lib/access";
import { isAppError } from "@/lib/errors";
import { tableAbilities } from "../_server/abilities";
import { catalogContextKind } from "../_server/catalog-info";
import { tableOverview } from "../_server/table-views";

type TableRef = { kind: "table"; catalog: string; namespace: string[]; name: string };

/** /catalog/<catalog>/<namespace…>/<table>: the table's tabs, Overview loaded with the page. */
export async function TableView({ principal, target }: { principal: Principal; target: TableRef }) {
  const ctx = catalogContext(principal);
  const ident = { catalog: target.catalog, namespace: target.namespace, name: target.name };
  const [overview, catalogKind] = await Promise.all([tableOverview(ctx, ident).catch(notFoundIfMissing), catalogContextKind(ctx, target.catalog)]);
  const federated = catalogKind === "federated";
  const can = tableAbilities(principal, catalogKind);
  return (
    <>
      <RevealInTree target={target} />
      <ObjectHeader target={target} title={target.name} kind={<span className="badge accent">{federated ? "federated table" : overview.kind === "external" ? "external table" : overview.kind}</span>}
        actions={<TableActionsBar target={target} can={can} initial={{ ...overview, federated }} />}
      />
      <TableTabs target={target} initialOverview={{ ...overview, federated }} can={can} />
    </>
  );
}

/** A federated table that its database no longer has (or never had) is a 404 like any other. */
function notFoundIfMissing(error: unknown): never {
  if (isAppError(error) && error.code === "not_found") notFound();
  throw error;
}
