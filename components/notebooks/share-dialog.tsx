"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { listSharesAction, shareNotebookAction, suggestShareesAction, unshareNotebookAction } from "@/app/(studio)/notebooks/share-actions";
import { fieldErrorsOf, unwrap } from "@/components/action-client";
import { Dialog } from "@/components/ui/dialog";
import { notebookKeys } from "./keys";
import type { ShareEntry } from "./types";

/** Who else may open this notebook: users and groups, each for view or edit. Only the owner changes it. */
export function ShareDialog({ notebookId, canShare, onClose }: { notebookId: string; canShare: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const [kind, setKind] = useState<"user" | "group">("user");
  const [name, setName] = useState("");
  const shares = useQuery({ queryKey: notebookKeys.shares(notebookId), queryFn: () => unwrap(listSharesAction({ notebookId })) });
  const suggestions = useQuery({
    queryKey: notebookKeys.sharees(name.trim().toLowerCase()),
    enabled: canShare && name.trim().length > 0,
    queryFn: () => unwrap(suggestShareesAction({ prefix: name.trim() })),
  });
  const refresh = () => client.invalidateQueries({ queryKey: notebookKeys.shares(notebookId) });
  const share = useMutation({
    mutationFn: (input: { principalType: "user" | "group"; name: string; permission: "view" | "edit" }) => unwrap(shareNotebookAction({ notebookId, ...input })),
    onSuccess: async () => {
      setName("");
      await refresh();
    },
  });
  const unshare = useMutation({
    mutationFn: (entry: ShareEntry) => unwrap(unshareNotebookAction({ notebookId, principalType: entry.principalType, principalId: entry.principalId })),
    onSuccess: refresh,
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    share.mutate({ principalType: kind, name, permission: form.get("permission") === "edit" ? "edit" : "view" });
  }

  const errors = fieldErrorsOf(share.error);
  const options = (suggestions.data ?? []).filter((s) => s.principalType === kind);
  return (
    <Dialog open onClose={onClose} title="Share notebook">
      <div className="dialog-body stack">
        {shares.isError && <div className="form-error">{shares.error.message}</div>}
        {shares.data && shares.data.length === 0 && <p className="muted">Only you can open this notebook.</p>}
        <ul className="share-list" aria-label="Shared with">
          {shares.data?.map((entry) => (
            <li key={`${entry.principalType}:${entry.principalId}`}>
              <span>
                {entry.principalType === "group" ? "Group " : ""}
                <strong>{entry.name}</strong> · {entry.permission === "edit" ? "can edit" : "can view"}
              </span>
              {canShare && (
                <button type="button" className="danger" disabled={unshare.isPending} onClick={() => unshare.mutate(entry)} aria-label={`Stop sharing with ${entry.name}`}>
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
        {unshare.error && <div className="form-error">{unshare.error.message}</div>}
        {canShare ? (
          <form method="post" className="share-form" onSubmit={onSubmit} noValidate>
            <select aria-label="Share with a" value={kind} onChange={(e) => setKind(e.target.value as "user" | "group")}>
              <option value="user">User</option>
              <option value="group">Group</option>
            </select>
            <input name="name" aria-label={kind === "user" ? "Username" : "Group name"} placeholder={kind === "user" ? "username" : "group name"} list="sharee-suggestions" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={errors.name ? true : undefined} />
            <datalist id="sharee-suggestions">
              {options.map((o) => (
                <option key={o.name} value={o.name} />
              ))}
            </datalist>
            <select name="permission" aria-label="Permission" defaultValue="view">
              <option value="view">can view</option>
              <option value="edit">can edit</option>
            </select>
            <button type="submit" className="primary" disabled={share.isPending || name.trim() === ""}>
              Share
            </button>
          </form>
        ) : (
          <p className="muted">Only the owner can change who this notebook is shared with.</p>
        )}
        {share.error && (
          <div className="form-error" role="alert">
            {share.error.message}
          </div>
        )}
      </div>
      <div className="dialog-foot">
        <button type="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
