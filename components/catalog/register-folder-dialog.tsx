"use client";

import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { toast } from "sonner";
import { registerFolderAction } from "@/app/(studio)/catalog/create-actions";
import { fieldErrorsOf, unwrap } from "@/components/action-client";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextInput } from "@/components/ui/field";
import { useCreated } from "./use-created";

type NamespaceRef = { kind: "namespace"; catalog: string; namespace: string[] };
type Format = "parquet" | "csv" | "json";

/** A folder of Parquet, CSV or JSON files as an external table of a lake catalog, read in place. */
export function RegisterFolderDialog({ parent, open, onClose }: { parent: NamespaceRef; open: boolean; onClose: () => void }) {
  const created = useCreated();
  const register = useMutation({
    mutationFn: (v: { name: string; path: string; format?: Format; comment?: string }) => unwrap(registerFolderAction({ catalog: parent.catalog, namespace: parent.namespace, ...v })),
    onSuccess: async (result, v) => {
      toast.success(`Folder registered as ${v.name}: ${result.columns} columns of ${result.format} files.`);
      close();
      await created(parent, { kind: "table", catalog: parent.catalog, namespace: parent.namespace, name: v.name });
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
    const format = String(form.get("format") ?? "");
    const comment = String(form.get("comment") ?? "").trim();
    register.mutate({
      name: String(form.get("name") ?? "").trim(),
      path: String(form.get("path") ?? "").trim(),
      format: format ? (format as Format) : undefined,
      comment: comment || undefined,
    });
  }
  return (
    <Dialog open={open} onClose={close} title="Register a folder">
      <form method="post" onSubmit={onSubmit} noValidate>
        <div className="dialog-body">
          {register.error && !Object.keys(errors).length && (
            <div className="form-error" role="alert">
              {register.error.message}
            </div>
          )}
          <p className="muted" style={{ margin: 0 }}>
            The files stay where they are; new files in the folder show up on the next read. Folders like <code>year=2024/</code> become columns.
          </p>
          <Field label="Table name" errors={errors.name}>
            <TextInput name="name" required autoFocus invalid={!!errors.name} />
          </Field>
          <Field label="Folder" errors={errors.path} hint="An absolute folder on this server, e.g. /data/exports/events">
            <TextInput name="path" required invalid={!!errors.path} />
          </Field>
          <Field label="Format" errors={errors.format}>
            <select name="format" defaultValue="">
              <option value="">Detect from the files</option>
              <option value="parquet">Parquet</option>
              <option value="csv">CSV</option>
              <option value="json">JSON</option>
            </select>
          </Field>
          <Field label="Comment (optional)" errors={errors.comment}>
            <TextInput name="comment" invalid={!!errors.comment} />
          </Field>
        </div>
        <div className="dialog-foot">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={register.isPending}>
            {register.isPending ? "Registering…" : "Register folder"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
