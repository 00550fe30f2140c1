"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { toast } from "sonner";
import { createCatalogAction } from "@/app/(studio)/catalog/catalog-admin-actions";
import { fieldErrorsOf, unwrap } from "@/components/action-client";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextInput } from "@/components/ui/field";
import { ConnectionFields, connectionFrom } from "./connection-fields";
import { useCreated } from "./use-created";

type Kind = "managed" | "lake" | "federated";
const KINDS: { kind: Kind; label: string; text: string }[] = [
  { kind: "managed", label: "Managed", text: "Tarn writes and maintains Iceberg tables in a storage location." },
  { kind: "lake", label: "Lake", text: "Register existing Iceberg tables and folders of files in place; nothing is copied." },
  { kind: "federated", label: "Federated", text: "The live schemas and tables of a PostgreSQL or MySQL/MariaDB database." },
];

/** Admins: a new catalog of one of the three kinds. */
export function CreateCatalogDialog({ open, onClose, storageChoices }: { open: boolean; onClose: () => void; storageChoices: string[] }) {
  const created = useCreated();
  const formRef = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<Kind>("managed");
  const create = useMutation({
    mutationFn: (input: Parameters<typeof createCatalogAction>[0]) => unwrap(createCatalogAction(input)),
    onSuccess: async (result, input) => {
      toast.success(`Catalog ${input.name} created.`);
      close();
      await created({ kind: "root" }, { kind: "catalog", catalog: result.path });
    },
  });
  const errors = fieldErrorsOf(create.error);
  const close = () => {
    create.reset();
    setKind("managed");
    onClose();
  };
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const base = { name: String(form.get("name") ?? "").trim(), comment: String(form.get("comment") ?? "").trim() || undefined };
    if (kind === "managed") create.mutate({ kind, ...base, storageLocation: String(form.get("storageLocation") ?? "") || undefined });
    else if (kind === "lake") create.mutate({ kind, ...base });
    else create.mutate({ kind, ...base, ...connectionFrom(form) });
  }
  return (
    <Dialog open={open} onClose={close} title="New catalog">
      <form method="post" onSubmit={onSubmit} noValidate ref={formRef} className="dialog-wide">
        <div className="dialog-body">
          {create.error && !Object.keys(errors).length && (
            <div className="form-error" role="alert">
              {create.error.message}
            </div>
          )}
          <Field label="Name" errors={errors.name} hint="Engines use it as the warehouse name.">
            <TextInput name="name" required autoFocus invalid={!!errors.name} />
          </Field>
          <fieldset style={{ border: 0, padding: 0, margin: 0 }} className="stack">
            <legend style={{ fontWeight: 600, padding: 0, marginBottom: 6 }}>Kind</legend>
            {KINDS.map((k) => (
              <label key={k.kind} className="row" style={{ alignItems: "flex-start", flexWrap: "nowrap" }}>
                <input type="radio" name="kind" value={k.kind} checked={kind === k.kind} onChange={() => setKind(k.kind)} />
                <span>
                  <strong>{k.label}</strong> <span className="muted">— {k.text}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {kind === "managed" && (
            <Field label="Storage location" errors={errors.storageLocation}>
              <select name="storageLocation" defaultValue={storageChoices[0]}>
                {storageChoices.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {kind === "federated" && <ConnectionFields errors={errors} formRef={formRef} />}
          <Field label="Comment (optional)" errors={errors.comment}>
            <TextInput name="comment" invalid={!!errors.comment} />
          </Field>
        </div>
        <div className="dialog-foot">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create catalog"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
