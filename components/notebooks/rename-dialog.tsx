"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { renameNotebookAction } from "@/app/(studio)/notebooks/actions";
import { fieldErrorsOf, unwrap } from "@/components/action-client";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextInput } from "@/components/ui/field";
import { notebookKeys } from "./keys";

export function RenameDialog({ notebook, onClose, onRenamed }: { notebook: { id: string; title: string }; onClose: () => void; onRenamed?: (title: string) => void }) {
  const client = useQueryClient();
  const rename = useMutation({
    mutationFn: (title: string) => unwrap(renameNotebookAction({ id: notebook.id, title })),
    onSuccess: async (_, title) => {
      onRenamed?.(title.trim());
      onClose();
      await Promise.all([client.invalidateQueries({ queryKey: notebookKeys.list() }), client.invalidateQueries({ queryKey: notebookKeys.detail(notebook.id) })]);
    },
  });
  const errors = fieldErrorsOf(rename.error);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    rename.mutate(String(new FormData(event.currentTarget).get("title") ?? ""));
  }
  return (
    <Dialog open onClose={onClose} title="Rename notebook">
      <form method="post" onSubmit={onSubmit} noValidate>
        <div className="dialog-body">
          {rename.error && !errors._ && (
            <div className="form-error" role="alert">
              {rename.error.message}
            </div>
          )}
          <Field label="Title" errors={errors._}>
            <TextInput name="title" defaultValue={notebook.title} required autoFocus invalid={!!errors._} />
          </Field>
        </div>
        <div className="dialog-foot">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={rename.isPending}>
            Rename
          </button>
        </div>
      </form>
    </Dialog>
  );
}
