"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { toast } from "sonner";
import { registerTableAction } from "@/app/(studio)/catalog/create-actions";
import { fieldErrorsOf, unwrap } from "@/components/action-client";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextInput } from "@/components/ui/field";
import { dottedName } from "./paths";
import { useCreated } from "./use-created";

type NamespaceRef = { kind: "namespace"; catalog: string; namespace: string[] };

/** Registers an existing Iceberg table by its metadata file; its files stay where they are. */
export function RegisterTableDialog({ parent, open, onClose }: { parent: NamespaceRef; open: boolean; onClose: () => void }) {
  const created = useCreated();
  const register = useMutation({
    mutationFn: (v: { name: string; metadataLocation: string }) => unwrap(registerTableAction({ catalog: parent.catalog, namespace: parent.namespace, ...v })),
    onSuccess: async (_, v) => {
      toast.success(`Table ${v.name.trim()} registered in ${dottedName(parent)}.`);
      close();
      await created(parent, { kind: "table", catalog: parent.catalog, namespace: parent.namespace, name: v.name.trim() });
    },
  });
  const errors = fieldErrorsOf(register.error);
  const close = () => {
    register.reset();
    onClose();
  };
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    register.mutate({ name: String(form.get("name") ?? "").trim(), metadataLocation: String(form.get("metadataLocation") ?? "").trim() });
  }
  return (
    <Dialog open={open} onClose={close} title="Register an Iceberg table">
      <form method="post" onSubmit={onSubmit} noValidate>
        <div className="dialog-body">
          {register.error && !Object.keys(errors).length && (
            <div className="form-error" role="alert">
              {register.error.message}
            </div>
          )}
          <p className="muted" style={{ margin: 0 }}>
            Adds a table written by another engine to <code>{dottedName(parent)}</code>, in place: nothing is copied.
          </p>
          <Field label="Table name" errors={errors.name}>
            <TextInput name="name" required autoFocus invalid={!!errors.name} />
          </Field>
          <Field label="Metadata file" errors={errors.metadataLocation} hint="The table's current metadata JSON on this server, e.g. /lake/sales/orders/metadata/00003-….metadata.json">
            <TextInput name="metadataLocation" required invalid={!!errors.metadataLocation} />
          </Field>
        </div>
        <div className="dialog-foot">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={register.isPending}>
            {register.isPending ? "Registering…" : "Register table"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
