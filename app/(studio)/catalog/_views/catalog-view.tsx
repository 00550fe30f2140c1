import { catalogContext } from "@/app/_server/catalog-context";
import { ChildrenList } from "@/components/catalog/children-list";
import { ContainerActions } from "@/components/catalog/object-actions";
import { ObjectHeader } from "@/components/catalog/object-header";
import { PropertiesTable } from "@/components/catalog/properties-table";
import { RevealInTree } from "@/components/catalog/tree-state";
import type { Principal } from "@/lib/access";
import { containerAbilities } from "../_server/abilities";
import { catalogDetails } from "../_server/catalog-info";

const KIND_TEXT: Record<string, string> = {
  managed: "Managed — Tarn writes and maintains Iceberg tables in its storage folder.",
  lake: "Lake — existing Iceberg tables and folders of files, registered in place and never copied.",
  federated: "Federated — live tables of an external database, read where they are.",
};

/** /catalog/<catalog>: what kind it is, where it keeps data, and what it holds. */
export async function CatalogObjectView({ principal, target }: { principal: Principal; target: { kind: "catalog"; catalog: string } }) {
  const details = await catalogDetails(catalogContext(principal), target.catalog);
  const can = containerAbilities(principal, details.kind);
  return (
    <>
      <RevealInTree target={target} />
      <ObjectHeader target={target} title={details.name} kind={<span className="badge accent">{details.kind} catalog</span>} actions={<ContainerActions parent={target} catalogKind={details.kind} can={can} />} />
      <div className="panel panel-body">
        <dl className="kv">
          <dt>Kind</dt>
          <dd>{KIND_TEXT[details.kind] ?? details.kind}</dd>
          <dt>Comment</dt>
          <dd>{details.comment ?? <span className="muted">none</span>}</dd>
          <dt>Owner</dt>
          <dd>{details.owner ?? "—"}</dd>
          <dt>Storage</dt>
          <dd>{details.folder ? <code>{details.folder}</code> : <span className="muted">{details.kind === "managed" ? "—" : "data stays where it is"}</span>}</dd>
          <dt>Created</dt>
          <dd>{new Date(details.createdAt).toLocaleString()}</dd>
        </dl>
      </div>
      {Object.keys(details.properties).length > 0 && <PropertiesTable properties={details.properties} label="Catalog properties" />}
      <h2>Contents</h2>
      <ChildrenList parent={target} label="Namespaces" empty="No namespaces yet." />
    </>
  );
}
