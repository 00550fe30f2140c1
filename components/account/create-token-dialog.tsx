"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { createPersonalTokenAction } from "@/app/(studio)/account/token-actions";
import { OneTimeSecret } from "@/components/admin/one-time-secret";
import { fieldErrorsOf, unwrap } from "@/components/action-client";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextInput } from "@/components/ui/field";
import { accountKeys } from "./keys";

const EXPIRY_CHOICES = [
  { days: 7, label: "7 days" },
  { days: 30, label: "30 days" },
  { days: 90, label: "90 days" },
  { days: 365, label: "1 year" },
  { days: 0, label: "Never (not recommended)" },
];

export function CreateTokenDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [token, setToken] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (input: { name: string; expiresInDays: number }) => unwrap(createPersonalTokenAction(input)),
    onSuccess: async (result, input) => {
      toast.success(`Token ${input.name.trim()} created.`);
      setToken(result.token);
      await queryClient.invalidateQueries({ queryKey: accountKeys.tokens() });
    },
  });
  const errors = fieldErrorsOf(create.error);
  const close = () => {
    create.reset();
    setToken(null);
    onClose();
  };
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({ name: String(form.get("name") ?? ""), expiresInDays: Number(form.get("expiresInDays") ?? 90) });
  }
  return (
    <Dialog open={open} onClose={close} title={token ? "Token created" : "New access token"}>
      {token ? (
        <>
          <div className="dialog-body">
            <OneTimeSecret label="Access token" value={token} />
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
            <Field label="Name" errors={errors.name} hint="Where it is used, e.g. “spark laptop”.">
              <TextInput name="name" required autoFocus invalid={!!errors.name} />
            </Field>
            <Field label="Expires after" errors={errors.expiresInDays}>
              <select name="expiresInDays" defaultValue="90">
                {EXPIRY_CHOICES.map((c) => (
                  <option key={c.days} value={c.days}>
                    {c.label}
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
              {create.isPending ? "Creating…" : "Create token"}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
