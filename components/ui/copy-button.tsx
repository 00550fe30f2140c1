"use client";

import { toast } from "sonner";

/** Copies `value` to the clipboard and says so; the label names what is copied for screen readers. */
export function CopyButton({ value, label = "Copy", what }: { value: string; label?: string; what?: string }) {
  const copy = () =>
    navigator.clipboard?.writeText(value).then(
      () => toast.success(what ? `${what} copied.` : "Copied."),
      () => toast.error("Copy failed; select the text instead."),
    ) ?? toast.error("Copy is not available here; select the text instead.");
  return (
    <button type="button" onClick={copy} aria-label={what ? `Copy ${what}` : label}>
      {label}
    </button>
  );
}
