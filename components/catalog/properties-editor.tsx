"use client";

import { type UseMutationResult, useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { fieldErrorsOf } from "@/components/action-client";
import { Field, TextInput } from "@/components/ui/field";

export interface PropertyChange {
  updates?: Record<string, string>;
  removals?: string[];
}

/**
 * Properties with set and remove for those allowed to change them. `save` commits one change;
 * the caller invalidates what it touched. Without `save` the list is read-only.
 */
export function PropertiesEditor({ properties, label, save }: { properties: Record<string, string>; label: string; save?: (change: PropertyChange) => Promise<unknown> }) {
  const [editing, setEditing] = useState<{ key: string; value: string } | null>(null);
  const change = useMutation({
    mutationFn: (v: PropertyChange & { done: string }) => save!({ updates: v.updates, removals: v.removals }),
    onSuccess: (_, v) => {
      toast.success(v.done);
      setEditing(null);
    },
    onError: (error) => toast.error(error.message),
  });
  const entries = Object.entries(properties).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="panel">
      <table className="data compact" aria-label={label}>
        <thead>
          <tr>
            <th>Property</th>
            <th>Value</th>
            {save && <th aria-label="Actions" />}
          </tr>
        </thead>
        <tbody>
          {entries.length === 0 && (
            <tr>
              <td colSpan={3} className="muted">
                No properties.
              </td>
            </tr>
          )}
          {entries.map(([key, value]) => (
            <tr key={key} data-property={key}>
              <td>
                <code>{key}</code>
              </td>
              <td style={{ wordBreak: "break-all" }}>{value}</td>
              {save && (
                <td style={{ textAlign: "right", whiteSpace: "nowrap" }}>
                  <button type="button" className="link" onClick={() => setEditing({ key, value })} aria-label={`Edit ${key}`}>
                    Edit
                  </button>{" "}
                  <button type="button" className="link" onClick={() => change.mutate({ removals: [key], done: `Property ${key} removed.` })} aria-label={`Remove ${key}`}>
                    Remove
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {save && <PropertyForm key={editing?.key ?? "new"} editing={editing} change={change} onCancel={() => setEditing(null)} />}
    </div>
  );
}

type Change = UseMutationResult<unknown, Error, PropertyChange & { done: string }>;

function PropertyForm({ editing, change, onCancel }: { editing: { key: string; value: string } | null; change: Change; onCancel: () => void }) {
  const errors = fieldErrorsOf(change.error);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const key = String(form.get("key") ?? "").trim();
    const value = String(form.get("value") ?? "");
    if (!key) return toast.error("Give the property a name.");
    change.mutate({ updates: { [key]: value }, done: `Property ${key} saved.` });
  }
  return (
    <form method="post" className="panel-body row" style={{ alignItems: "flex-end" }} onSubmit={onSubmit} aria-label={editing ? `Edit property ${editing.key}` : "Add a property"} noValidate>
      <Field label="Property" errors={errors.key}>
        <TextInput name="key" defaultValue={editing?.key} readOnly={!!editing} />
      </Field>
      <Field label="Value" errors={errors.value}>
        <TextInput name="value" defaultValue={editing?.value} style={{ minWidth: 260 }} />
      </Field>
      <button type="submit" className="primary" disabled={change.isPending}>
        {editing ? "Save" : "Add property"}
      </button>
      {editing && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </form>
  );
}
