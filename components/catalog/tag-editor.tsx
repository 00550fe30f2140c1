"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  assignTagAction,
  effectiveTagsAction,
  tagKeysAction,
  unassignTagAction,
} from "@/app/(studio)/catalog/tag-actions";
import { unwrap } from "@/components/action-client";
import type { TagTarget } from "@/lib/catalog";
import { catalogKeys } from "./keys";
import "./tags.css";

export type { TagTarget };

export interface ShownTag {
  key: string;
  value: string;
  inherited?: boolean;
  from?: { kind: string; label: string };
}

/** A stable key of a tag target, for React Query. */
export function tagTargetKey(target: TagTarget): string {
  const parts = [
    target.kind,
    target.catalog,
    ...("namespace" in target ? target.namespace : []),
    "name" in target ? target.name : "",
  ];
  if (target.kind === "column") parts.push(String(target.fieldId ?? ""), target.column ?? "");
  return parts.join("\u001f");
}

/** After a tag changes: every object's tags (they inherit), and search (it matches tags). */
export function useTagsChanged() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: catalogKeys.tags() }),
      queryClient.invalidateQueries({ queryKey: catalogKeys.searchAll() }),
    ]);
}

/**
 * The Tags row of a catalog, namespace, table or view: its effective tags (inherited ones
 * say where they come from and are changed there), with add and remove for who may.
 */
export function TagsRow({
  target,
  canEdit,
  label,
}: {
  target: TagTarget;
  canEdit: boolean;
  label: string;
}) {
  const tags = useQuery({
    queryKey: catalogKeys.objectTags(tagTargetKey(target)),
    queryFn: () => unwrap(effectiveTagsAction({ target })),
  });
  if (tags.isPending) return <span className="muted">Loading…</span>;
  if (tags.isError) return <span className="field-error">{tags.error.message}</span>;
  return <TagList target={target} tags={tags.data} canEdit={canEdit} label={label} />;
}

/** Tags as chips, the object's own removable, and an "Add tag" picker: a key, then one of its values. */
export function TagList({
  target,
  tags,
  canEdit,
  label,
}: {
  target: TagTarget;
  tags: ShownTag[];
  canEdit: boolean;
  label: string;
}) {
  const changed = useTagsChanged();
  const [adding, setAdding] = useState(false);
  const remove = useMutation({
    mutationFn: (key: string) => unwrap(unassignTagAction({ target, key })),
    onSuccess: changed,
  });
  return (
    <fieldset className="tag-list" aria-label={label}>
      {tags.length === 0 && !adding && <span className="muted">none</span>}
      {tags.map((tag) => (
        <span
          key={tag.key}
          className={`badge ${tag.inherited ? "" : "accent"} tag-chip`}
          data-tag={`${tag.key}=${tag.value}`}
          title={tag.inherited ? `Inherited from ${tag.from?.kind} ${tag.from?.label}` : undefined}
        >
          {tag.key}={tag.value}
          {tag.inherited && (
            <span className="tag-from">
              {" "}
              · from {tag.from?.kind} {tag.from?.label}
            </span>
          )}
          {canEdit && !tag.inherited && (
            <button
              type="button"
              className="tag-remove"
              aria-label={`Remove tag ${tag.key}`}
              disabled={remove.isPending}
              onClick={() => remove.mutate(tag.key)}
            >
              ×
            </button>
          )}
        </span>
      ))}
      {canEdit &&
        (adding ? (
          <AddTag target={target} onDone={() => setAdding(false)} />
        ) : (
          <button type="button" className="link" onClick={() => setAdding(true)}>
            Add tag
          </button>
        ))}
      {remove.error && (
        <span className="field-error" role="alert">
          {remove.error.message}
        </span>
      )}
    </fieldset>
  );
}

function AddTag({ target, onDone }: { target: TagTarget; onDone: () => void }) {
  const changed = useTagsChanged();
  const keys = useQuery({
    queryKey: catalogKeys.tagKeys(),
    queryFn: () => unwrap(tagKeysAction(undefined)),
  });
  const [key, setKey] = useState("");
  const [value, setValue] = useState("");
  const add = useMutation({
    mutationFn: () => unwrap(assignTagAction({ target, key, value })),
    onSuccess: async () => {
      await changed();
      onDone();
    },
  });
  const chosen = keys.data?.find((k) => k.name === key);
  if (keys.isSuccess && keys.data.length === 0)
    return (
      <span className="muted">
        No tag keys are defined yet (Admin → Tags).{" "}
        <button type="button" className="link" onClick={onDone}>
          Close
        </button>
      </span>
    );
  return (
    <span className="tag-add">
      <select
        aria-label="Tag key"
        value={key}
        onChange={(e) => {
          setKey(e.target.value);
          setValue("");
        }}
      >
        <option value="">Key…</option>
        {keys.data?.map((k) => (
          <option key={k.name} value={k.name} title={k.description ?? undefined}>
            {k.name}
          </option>
        ))}
      </select>
      <select
        aria-label="Tag value"
        value={value}
        disabled={!chosen}
        onChange={(e) => setValue(e.target.value)}
      >
        <option value="">Value…</option>
        {chosen?.allowedValues.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="primary"
        disabled={!key || !value || add.isPending}
        onClick={() => add.mutate()}
      >
        {add.isPending ? "Adding…" : "Add"}
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
      {add.error && (
        <span className="field-error" role="alert">
          {add.error.message}
        </span>
      )}
    </span>
  );
}
