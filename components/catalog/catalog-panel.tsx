"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { catalogDetailsAction, updateCatalogAction } from "@/app/(studio)/catalog/catalog-admin-actions";
import { unwrap } from "@/components/action-client";
import { ChildrenList } from "./children-list";
import { DescriptionEditor } from "./description-editor";
import { formatTime } from "./format";
import { catalogKeys } from "./keys";
import type { CatalogDetails } from "./object-types";
import { keyOf } from "./paths";
import { PropertiesEditor, type PropertyChange } from "./properties-editor";
import { TagsRow } from "./tag-editor";

const KIND_TEXT: Record<string, string> = {
  managed: "Managed — Tarn writes and maintains Iceberg tables in its storage folder.",
  lake: "Lake — existing Iceberg tables and folders of files, registered in place and never copied.",
  federated: "Federated — live tables of an external database, read where they are.",
};

/** A catalog's kind, storage, comment and properties (editable by admins), and what it holds. */
export function CatalogPanel({ initial, canManage, canTag }: { initial: CatalogDetails; canManage: boolean; canTag: boolean }) {
  const queryClient = useQueryClient();
  const target = { kind: "catalog" as const, catalog: initial.path };
  const key = catalogKeys.catalog(keyOf(target));
  const details = useQuery({ queryKey: key, queryFn: () => unwrap(catalogDetailsAction({ catalog: initial.path })), initialData: initial });
  const d = details.data;
  const update = async (change: { comment?: string | null; change?: PropertyChange }) => {
    await unwrap(updateCatalogAction({ catalog: initial.path, ...change }));
    await Promise.all([queryClient.invalidateQueries({ queryKey: key }), queryClient.invalidateQueries({ queryKey: catalogKeys.children("r:") })]);
  };
  return (
    <>
      <div className="panel panel-body">
        <dl className="kv">
          <dt>Kind</dt>
          <dd>{KIND_TEXT[d.kind] ?? d.kind}</dd>
          <dt>Comment</dt>
          <dd>
            <DescriptionEditor label="Comment" value={d.comment} save={canManage ? (text) => update({ comment: text || null }) : undefined} />
          </dd>
          <dt>Owner</dt>
          <dd>{d.owner ?? "—"}</dd>
          <dt>Tags</dt>
          <dd>
            <TagsRow target={target} canEdit={canTag} label="Tags" />
          </dd>
          <dt>Storage</dt>
          <dd>{d.folder ? <code>{d.folder}</code> : <span className="muted">{d.kind === "managed" ? "—" : "data stays where it is"}</span>}</dd>
          <dt>Created</dt>
          <dd>{formatTime(d.createdAt)}</dd>
        </dl>
      </div>
      <h2>Contents</h2>
      <ChildrenList parent={target} label="Catalog contents" empty="No namespaces yet." />
      <h2>Properties</h2>
      <PropertiesEditor properties={d.properties} label="Catalog properties" save={canManage ? (change) => update({ change }) : undefined} />
    </>
  );
}
