"use client";

import type { ReactNode } from "react";
import { Dialog } from "./dialog";
import "./studio-extras.css";

/** Asks before something that cannot be undone lightly; the confirm button names the action. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  danger,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  pending?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      <div className="dialog-body">
        {error && (
          <div className="form-error" role="alert">
            {error}
          </div>
        )}
        {children}
      </div>
      <div className="dialog-foot">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className={danger ? "primary danger-fill" : "primary"} disabled={pending} onClick={onConfirm}>
          {pending ? "Working…" : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
