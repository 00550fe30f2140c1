"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { toast } from "sonner";
import { createNamespaceAction } from "@/app/(studio)/catalog/namespace-actions";
import { fieldErrorsOf, unwrap } from "@/components/action-client";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextInput } from "@/components/ui/field";
import { dottedName } from "./paths";
import type { ParentRef } from "./types";
import { useCreated } from "./use-created";

type Container = Exclude<ParentRef, { kind: "root" }>;

export function CreateNamespaceDialog({ parent, open, onClose }: { parent: Container; open: boolean; onClose: () => void }) {
  const created = useCreated();
  const levels = parent.kind === "namespace" ? parent.namespace : [];
  const create = useMutation({
    mutationFn: (v: { name: string; comment?: string }) => unwrap(createNamespaceAction({ catalog: parent.catalog, parent: levels, ...v })),
    onSuccess: async (_, v) => {
      toast.success(`Namespace ${v.name} created in ${dottedName(parent)}.`);
      close();
      await created(parent, { kind: "namespace", catalog: parent.catalog, namespace: [...levels, v.name] });
    },
  });
  const errors = fieldErrorsOf(create.error);
  const close = () => {
    create.reset();
    onClose();
  };
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const comment = String(form.get("comment") ?? "").trim();
    create.mutate({ name: String(form.get("name") ?? ""), comment: comment || undefined });
  }
  return (
    <Dialog open={open} onClose={close} title="New namespace">
      <form method="post" onSubmit={onSubmit} noValidate>
        <div className="dialog-body">
          {create.error && !Object.keys(errors).length && (
            <div className="form-error" role="alert">
              {create.error.message}
            </div>
          )}
          <p className="muted" style={{ margin: 0 }}>
            In <code>{dottedName(parent)}</code>
          </p>
          <Field label="Name" errors={errors.name} hint="Engines write it as catalog.namespace.table.">
            <TextInput name="name" required autoFocus invalid={!!errors.name} />
          </Field>
          <Field label="Comment (optional)" errors={errors.comment}>
            <TextInput name="comment" invalid={!!errors.comment} />
          </Field>
        </div>
        <div className="dialog-foot">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create namespace"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
