"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";

/** A comment shown as text, with an Edit button for those allowed (`save` given). */
export function DescriptionEditor({ value, save, label = "Description" }: { value: string | null; save?: (text: string) => Promise<unknown>; label?: string }) {
  const [editing, setEditing] = useState(false);
  const change = useMutation({
    mutationFn: (text: string) => save!(text),
    onSuccess: (_, text) => {
      toast.success(text ? `${label} saved.` : `${label} removed.`);
      setEditing(false);
    },
    onError: (error) => toast.error(error.message),
  });
  if (!editing) {
    return (
      <span className="row" style={{ gap: 6 }}>
        {value ? <span>{value}</span> : <span className="muted">none</span>}
        {save && (
          <button type="button" className="link" onClick={() => setEditing(true)} aria-label={`Edit ${label.toLowerCase()}`}>
            Edit
          </button>
        )}
      </span>
    );
  }
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    change.mutate(String(new FormData(event.currentTarget).get("text") ?? "").trim());
  }
  return (
    <form method="post" className="row" onSubmit={onSubmit} aria-label={`Edit ${label.toLowerCase()}`}>
      <input name="text" defaultValue={value ?? ""} aria-label={label} autoFocus style={{ minWidth: 280 }} maxLength={2000} />
      <button type="submit" className="primary" disabled={change.isPending}>
        Save
      </button>
      <button type="button" onClick={() => setEditing(false)}>
        Cancel
      </button>
    </form>
  );
}
