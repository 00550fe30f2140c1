"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { namespaceDetailsAction, setNamespacePropertiesAction } from "@/app/(studio)/catalog/namespace-actions";
import { setOwnerAction } from "@/app/(studio)/catalog/owner-actions";
import { unwrap } from "@/components/action-client";
import { ChildrenList } from "./children-list";
import { DescriptionEditor } from "./description-editor";
import { catalogKeys } from "./keys";
import type { NamespaceDetails } from "./object-types";
import { keyOf } from "./paths";
import { PropertiesEditor, type PropertyChange } from "./properties-editor";
import { TagsRow } from "./tag-editor";

type NamespaceRef = { kind: "namespace"; catalog: string; namespace: string[] };

export function NamespacePanel({ target, initial, canAlter, canChangeOwner, canTag }: { target: NamespaceRef; initial: NamespaceDetails; canAlter: boolean; canChangeOwner: boolean; canTag: boolean }) {
  const queryClient = useQueryClient();
  const ident = { catalog: target.catalog, namespace: target.namespace };
  const key = catalogKeys.namespace(keyOf(target));
  const details = useQuery({ queryKey: key, queryFn: () => unwrap(namespaceDetailsAction(ident)), initialData: initial });
  const save = async (change: PropertyChange) => {
    await unwrap(setNamespacePropertiesAction({ ...ident, change }));
    await queryClient.invalidateQueries({ queryKey: key });
  };
  const saveOwner = async (owner: string) => {
    await unwrap(setOwnerAction({ target, owner }));
    await queryClient.invalidateQueries({ queryKey: key });
  };
  return (
    <>
      <div className="panel panel-body">
        <dl className="kv">
          <dt>Comment</dt>
          <dd>{details.data.comment ?? <span className="muted">none</span>}</dd>
          <dt>Owner</dt>
          <dd>
            <DescriptionEditor label="Owner" value={details.data.owner} save={canChangeOwner ? saveOwner : undefined} />
          </dd>
          <dt>Catalog kind</dt>
          <dd>{details.data.catalogKind}</dd>
          {details.data.catalogKind !== "federated" && (
            <>
              <dt>Tags</dt>
              <dd>
                <TagsRow target={target} canEdit={canTag} label="Tags" />
              </dd>
            </>
          )}
        </dl>
      </div>
      <h2>Contents</h2>
      <ChildrenList parent={target} label="Namespace contents" empty="Nothing here yet." />
      <h2>Properties</h2>
      <PropertiesEditor properties={details.data.properties} label="Namespace properties" save={canAlter ? save : undefined} />
    </>
  );
}
