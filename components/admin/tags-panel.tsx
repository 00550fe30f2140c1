"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import {
  defineTagKeyAction,
  deleteTagKeyAction,
  listTagKeysAction,
  removeTagUseAction,
  tagKeyUsageAction,
  updateTagKeyAction,
} from "@/app/(studio)/admin/tags/actions";
import { fieldErrorsOf, unwrap } from "@/components/action-client";
import { catalogKeys } from "@/components/catalog/keys";
import { hrefOf } from "@/components/catalog/paths";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextInput } from "@/components/ui/field";
import { adminKeys } from "./keys";

type TagKeys = Awaited<ReturnType<typeof loadKeys>>;
type TagKey = TagKeys[number];
const loadKeys = () => unwrap(listTagKeysAction(undefined));

/** "a, b\nc" → ["a", "b", "c"]: values one per line or separated by commas. */
function valuesOf(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * Admin → Tags: the governed tag keys (KEY=VALUE labels on catalogs, namespaces, tables,
 * views and columns), their allowed values, and where each is used. A key or a value in
 * use cannot be removed; the refusal says where it is used.
 */
export function TagsPanel({ initialKeys }: { initialKeys: TagKeys }) {
  const queryClient = useQueryClient();
  const keys = useQuery({
    queryKey: adminKeys.tags(),
    queryFn: loadKeys,
    initialData: initialKeys,
  });
  const [editing, setEditing] = useState<TagKey | "new" | null>(null);
  const [deleting, setDeleting] = useState<TagKey | null>(null);
  const [showing, setShowing] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (k: TagKey) => unwrap(deleteTagKeyAction({ name: k.name })),
    onSuccess: (_, k) => {
      toast.success(`Tag key ${k.name} deleted.`);
      setDeleting(null);
      return queryClient.invalidateQueries({ queryKey: adminKeys.tags() });
    },
  });
  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <span className="muted">
          {keys.data.length} tag {keys.data.length === 1 ? "key" : "keys"} · objects are tagged
          KEY=VALUE with one of the key's allowed values
        </span>
        <button type="button" className="primary" onClick={() => setEditing("new")}>
          New tag key
        </button>
      </div>
      <div className="panel">
        {keys.data.length === 0 ? (
          <div className="empty">
            No tag keys yet. Define one, then tag catalogs, namespaces, tables and columns from
            their pages.
          </div>
        ) : (
          <table className="data" aria-label="Tag keys">
            <thead>
              <tr>
                <th>Key</th>
                <th>Allowed values</th>
                <th>Used on</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {keys.data.map((k) => (
                <tr key={k.id} data-tag-key={k.name}>
                  <td>
                    <div style={{ fontWeight: 600 }}>
                      <code>{k.name}</code>
                    </div>
                    {k.description && <div className="muted">{k.description}</div>}
                  </td>
                  <td>
                    <div className="row" style={{ flexWrap: "wrap" }}>
                      {k.allowedValues.map((v) => (
                        <span key={v} className="badge">
                          {v}
                        </span>
                      ))}
                    </div>
                  </td>
                  <td>
                    {k.usageCount === 0 ? (
                      <span className="muted">not in use</span>
                    ) : (
                      <button
                        type="button"
                        className="link"
                        aria-expanded={showing === k.name}
                        onClick={() => setShowing(showing === k.name ? null : k.name)}
                      >
                        {k.usageCount} {k.usageCount === 1 ? "object" : "objects"}
                      </button>
                    )}
                    {showing === k.name && <KeyUsage name={k.name} />}
                  </td>
                  <td style={{ textAlign: "right", whiteSpace: "nowrap" }}>
                    <button type="button" onClick={() => setEditing(k)}>
                      Edit
                    </button>{" "}
                    <button
                      type="button"
                      className="danger"
                      onClick={() => {
                        remove.reset();
                        setDeleting(k);
                      }}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {editing && (
        <TagKeyDialog
          key={editing === "new" ? "new" : editing.id}
          tagKey={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        open={!!deleting}
        title={`Delete tag key ${deleting?.name ?? ""}`}
        confirmLabel="Delete tag key"
        danger
        pending={remove.isPending}
        error={remove.error?.message}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(null)}
      >
        <p style={{ margin: 0 }}>
          The key and its allowed values go away. A key still used on some object cannot be deleted:
          remove those tags first.
        </p>
      </ConfirmDialog>
    </div>
  );
}

/** Where a key is used, each object linked to its page (objects in the trash are marked), each use removable. */
function KeyUsage({ name }: { name: string }) {
  const queryClient = useQueryClient();
  const usage = useQuery({
    queryKey: adminKeys.tagUsage(name),
    queryFn: () => unwrap(tagKeyUsageAction({ name })),
  });
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(removeTagUseAction({ id })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.tags() }),
        queryClient.invalidateQueries({ queryKey: catalogKeys.tags() }),
      ]),
  });
  if (usage.isPending) return <div className="muted">Loading…</div>;
  if (usage.isError) return <div className="field-error">{usage.error.message}</div>;
  return (
    <ul className="tag-usage" aria-label={`Where ${name} is used`}>
      {usage.data.usages.map((u) => {
        const { catalog, namespace, name: table } = u.path;
        const ref =
          table !== undefined
            ? { kind: "table" as const, catalog, namespace, name: table }
            : namespace.length
              ? { kind: "namespace" as const, catalog, namespace }
              : { kind: "catalog" as const, catalog };
        return (
          <li key={u.id}>
            {u.inTrash ? (
              <span>{u.label}</span>
            ) : (
              <Link href={hrefOf(ref, u.objectType === "column" ? { tab: "schema" } : undefined)}>
                {u.label}
              </Link>
            )}{" "}
            <span className="badge">{`${name}=${u.value}`}</span>{" "}
            <button
              type="button"
              className="link"
              aria-label={`Remove ${name} from ${u.label}`}
              disabled={remove.isPending}
              onClick={() => remove.mutate(u.id)}
            >
              remove
            </button>
          </li>
        );
      })}
      {usage.data.total > usage.data.usages.length && (
        <li className="muted">and {usage.data.total - usage.data.usages.length} more</li>
      )}
    </ul>
  );
}

function TagKeyDialog({ tagKey, onClose }: { tagKey: TagKey | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: { name: string; description: string; allowedValues: string[] }) =>
      tagKey
        ? unwrap(
            updateTagKeyAction({
              name: tagKey.name,
              description: v.description || null,
              allowedValues: v.allowedValues,
            }),
          )
        : unwrap(defineTagKeyAction({ ...v, description: v.description || undefined })),
    onSuccess: async (_, v) => {
      toast.success(tagKey ? `Tag key ${tagKey.name} saved.` : `Tag key ${v.name} defined.`);
      onClose();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.tags() }),
        queryClient.invalidateQueries({ queryKey: catalogKeys.tagKeys() }),
      ]);
    },
  });
  const errors = fieldErrorsOf(save.error);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate({
      name: String(form.get("name") ?? "").trim(),
      description: String(form.get("description") ?? "").trim(),
      allowedValues: valuesOf(String(form.get("allowedValues") ?? "")),
    });
  }
  return (
    <Dialog open onClose={onClose} title={tagKey ? `Edit tag key ${tagKey.name}` : "New tag key"}>
      <form method="post" onSubmit={onSubmit} noValidate>
        <div className="dialog-body">
          {save.error && !Object.keys(errors).length && (
            <div className="form-error" role="alert">
              {save.error.message}
            </div>
          )}
          <Field
            label="Key"
            errors={errors.name}
            hint="How the tag is written: KEY=VALUE, e.g. pii or domain."
          >
            <TextInput
              name="name"
              required
              autoFocus={!tagKey}
              defaultValue={tagKey?.name}
              readOnly={!!tagKey}
              invalid={!!errors.name}
            />
          </Field>
          <Field label="Description (optional)" errors={errors.description}>
            <TextInput
              name="description"
              defaultValue={tagKey?.description ?? ""}
              invalid={!!errors.description}
            />
          </Field>
          <Field
            label="Allowed values"
            errors={errors.allowedValues}
            hint="One per line, or separated by commas. A value in use cannot be removed."
          >
            <textarea
              name="allowedValues"
              rows={4}
              defaultValue={tagKey?.allowedValues.join("\n") ?? ""}
              aria-invalid={!!errors.allowedValues || undefined}
            />
          </Field>
        </div>
        <div className="dialog-foot">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={save.isPending}>
            {save.isPending ? "Saving…" : tagKey ? "Save" : "Define key"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
