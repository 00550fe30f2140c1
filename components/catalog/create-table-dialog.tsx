"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { createTableAction } from "@/app/(studio)/catalog/create-actions";
import { fieldErrorsOf, unwrap } from "@/components/action-client";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextInput } from "@/components/ui/field";
import { type ColumnDraft, ColumnsEditor, newColumn, typeText } from "./column-editor";
import { type PartitionDraft, PartitionEditor, transformText } from "./partition-editor";
import { dottedName } from "./paths";
import { useCreated } from "./use-created";

type NamespaceRef = { kind: "namespace"; catalog: string; namespace: string[] };

const starterColumns = () => [newColumn({ name: "id", type: "long", required: true })];

/** A new managed Iceberg table: name, columns with types, partition fields. */
export function CreateTableDialog({ parent, open, onClose }: { parent: NamespaceRef; open: boolean; onClose: () => void }) {
  const created = useCreated();
  const [columns, setColumns] = useState<ColumnDraft[]>(starterColumns);
  const [partitions, setPartitions] = useState<PartitionDraft[]>([]);
  const create = useMutation({
    mutationFn: (input: Parameters<typeof createTableAction>[0]) => unwrap(createTableAction(input)),
    onSuccess: async (_, input) => {
      toast.success(`Table ${input.name.trim()} created in ${dottedName(parent)}.`);
      close();
      await created(parent, { kind: "table", catalog: parent.catalog, namespace: parent.namespace, name: input.name.trim() });
    },
  });
  const errors = fieldErrorsOf(create.error);
  const close = () => {
    create.reset();
    setColumns(starterColumns());
    setPartitions([]);
    onClose();
  };
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const comment = String(form.get("comment") ?? "").trim();
    create.mutate({
      catalog: parent.catalog,
      namespace: parent.namespace,
      name: String(form.get("name") ?? "").trim(),
      comment: comment || undefined,
      columns: columns.map((c) => ({ name: c.name.trim(), type: typeText(c), required: c.required, comment: c.comment.trim() || undefined })),
      partitionBy: partitions.map((p) => ({ column: p.column, transform: transformText(p) })),
    });
  }
  const fieldLevel = Object.keys(errors).some((k) => k !== "_");
  return (
    <Dialog open={open} onClose={close} title="New table">
      <form method="post" onSubmit={onSubmit} noValidate className="dialog-wide">
        <div className="dialog-body">
          {create.error && !fieldLevel && (
            <div className="form-error" role="alert">
              {create.error.message}
            </div>
          )}
          {fieldLevel && (
            <div className="form-error" role="alert">
              Some fields need attention; see the messages below.
            </div>
          )}
          <p className="muted" style={{ margin: 0 }}>
            An Iceberg table in <code>{dottedName(parent)}</code>, written and maintained by Tarn.
          </p>
          <div className="row" style={{ alignItems: "flex-start" }}>
            <Field label="Table name" errors={errors.name}>
              <TextInput name="name" required autoFocus invalid={!!errors.name} />
            </Field>
            <Field label="Comment (optional)" errors={errors.comment}>
              <TextInput name="comment" style={{ minWidth: 320 }} invalid={!!errors.comment} />
            </Field>
          </div>
          <ColumnsEditor columns={columns} setColumns={setColumns} errors={errors} />
          <PartitionEditor fields={partitions} setFields={setPartitions} columnNames={columns.map((c) => c.name.trim()).filter(Boolean)} errors={errors} />
        </div>
        <div className="dialog-foot">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create table"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
