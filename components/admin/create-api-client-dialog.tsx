"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { createApiClientAction } from "@/app/(studio)/admin/api-clients/actions";
import { fieldErrorsOf, unwrap } from "@/components/action-client";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextInput } from "@/components/ui/field";
import { adminKeys } from "./keys";
import { OneTimeSecret } from "./one-time-secret";

export interface OwnerChoice {
  id: string;
  username: string;
}

type Created = { name: string; clientId: string; clientSecret: string };

export function CreateApiClientDialog({ open, onClose, owners, currentUserId }: { open: boolean; onClose: () => void; owners: OwnerChoice[]; currentUserId: string | null }) {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<Created | null>(null);
  const create = useMutation({
    mutationFn: (input: { name: string; ownerId?: string }) => unwrap(createApiClientAction(input)),
    onSuccess: async (result, input) => {
      toast.success(`API client ${input.name.trim()} created.`);
      setCreated({ name: input.name.trim(), clientId: result.clientId, clientSecret: result.clientSecret });
      await queryClient.invalidateQueries({ queryKey: adminKeys.apiClients() });
    },
  });
  const errors = fieldErrorsOf(create.error);
  const close = () => {
    create.reset();
    setCreated(null);
    onClose();
  };
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const ownerId = String(form.get("ownerId") ?? "");
    create.mutate({ name: String(form.get("name") ?? ""), ownerId: ownerId || undefined });
  }
  return (
    <Dialog open={open} onClose={close} title={created ? "API client created" : "New API client"}>
      {created ? (
        <>
          <div className="dialog-body">
            <div className="stack" style={{ gap: 6 }}>
              <strong>Client id</strong>
              <div className="secret" data-testid="client-id">
                {created.clientId}
              </div>
            </div>
            <OneTimeSecret label="Client secret" value={created.clientSecret} />
            <p className="muted" style={{ margin: 0 }}>
              Engines exchange these at <code>/iceberg/v1/oauth/tokens</code>. See Connect an engine for ready-made settings.
            </p>
          </div>
          <div className="dialog-foot">
            <button type="button" className="primary" onClick={close}>
              Done
            </button>
          </div>
        </>
      ) : (
        <form method="post" onSubmit={onSubmit} noValidate>
          <div className="dialog-body">
            {create.error && !Object.keys(errors).length && (
              <div className="form-error" role="alert">
                {create.error.message}
              </div>
            )}
            <Field label="Name" errors={errors.name} hint="What uses it, e.g. “spark-etl” or “trino prod”.">
              <TextInput name="name" required autoFocus invalid={!!errors.name} />
            </Field>
            <Field label="Acts as" errors={errors.ownerId} hint="The client has exactly this user's access.">
              <select name="ownerId" defaultValue={currentUserId ?? ""}>
                {owners.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.username}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <div className="dialog-foot">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create client"}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
