"use client";

import { toast } from "sonner";

/** A secret shown once (a generated password): copy it now, it is not stored in clear. */
export function OneTimeSecret({ label, value }: { label: string; value: string }) {
  return (
    <div className="stack" style={{ gap: 6 }}>
      <strong>{label}</strong>
      <div className="secret" data-testid="one-time-secret">
        {value}
      </div>
      <div className="row" style={{ justifyContent: "space-between" }}>
        <span className="muted">Copy it now — it will not be shown again.</span>
        <button type="button" onClick={() => navigator.clipboard?.writeText(value).then(() => toast.success("Copied."), () => toast.error("Copy failed; select the text instead."))}>
          Copy
        </button>
      </div>
    </div>
  );
}
