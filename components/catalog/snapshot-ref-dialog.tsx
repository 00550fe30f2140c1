"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { toast } from "sonner";
import { createSnapshotRefAction } from "@/app/(studio)/catalog/table-edit-actions";
import { fieldErrorsOf, unwrap } from "@/components/action-client";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextInput } from "@/components/ui/field";
import { catalogKeys } from "./keys";
import { keyOf } from "./paths";
import { identOf, type TableRef } from "./table-tabs";
import type { SnapshotRow } from "./table-types";

type Request = { snapshot: SnapshotRow; type: "tag" | "branch" } | null;

/** Names a snapshot: a tag (a fixed point, e.g. "q1-close") or a branch to write to. */
export function SnapshotRefDialog({ target, request, onClose }: { target: TableRef; request: Request; onClose: () => void }) {
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (v: { type: "tag" | "branch"; refName: string; snapshotId: string }) => unwrap(createSnapshotRefAction({ ...identOf(target), ...v })),
    onSuccess: async (_, v) => {
      toast.success(`${v.type === "tag" ? "Tag" : "Branch"} ${v.refName.trim()} created.`);
      close();
      await queryClient.invalidateQueries({ queryKey: catalogKeys.table(keyOf(target)) });
    },
  });
  const errors = fieldErrorsOf(create.error);
  const close = () => {
    create.reset();
    onClose();
  };
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!request) return;
    create.mutate({ type: request.type, refName: String(new FormData(event.currentTarget).get("refName") ?? ""), snapshotId: request.snapshot.id });
  }
  const what = request?.type === "branch" ? "branch" : "tag";
  return (
    <Dialog open={!!request} onClose={close} title={`New ${what}`}>
      <form method="post" onSubmit={onSubmit} noValidate>
        <div className="dialog-body">
          {create.error && !Object.keys(errors).length && (
            <div className="form-error" role="alert">
              {create.error.message}
            </div>
          )}
          <p className="muted" style={{ margin: 0 }}>
            At snapshot <code>{request?.snapshot.id}</code> ({request?.snapshot.operation}).
          </p>
          <Field label={`${what === "tag" ? "Tag" : "Branch"} name`} errors={errors.refName} hint={what === "tag" ? "A fixed point to read later, e.g. q1-close." : "A line of history to write to, e.g. audit."}>
            <TextInput name="refName" required autoFocus invalid={!!errors.refName} />
          </Field>
        </div>
        <div className="dialog-foot">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={create.isPending}>
            {`Create ${what}`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
