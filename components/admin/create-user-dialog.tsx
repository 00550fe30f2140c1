"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { createUserAction } from "@/app/(studio)/admin/users/actions";
import { fieldErrorsOf, unwrap } from "@/components/action-client";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextInput } from "@/components/ui/field";
import { adminKeys } from "./keys";
import { OneTimeSecret } from "./one-time-secret";

export function CreateUserDialog({ open, onClose, groups }: { open: boolean; onClose: () => void; groups: { id: string; name: string }[] }) {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<{ username: string; password?: string } | null>(null);
  const create = useMutation({
    mutationFn: (input: Parameters<typeof createUserAction>[0]) => unwrap(createUserAction(input)),
    onSuccess: async (result, input) => {
      toast.success(`User ${input.username.trim().toLowerCase()} created.`);
      await queryClient.invalidateQueries({ queryKey: adminKeys.all });
      setCreated({ username: input.username.trim().toLowerCase(), password: result.generatedPassword });
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
    create.mutate({
      username: String(form.get("username") ?? ""),
      email: String(form.get("email") ?? ""),
      displayName: String(form.get("displayName") ?? ""),
      role: String(form.get("role") ?? "analyst") as "analyst",
      password: String(form.get("password") ?? ""),
      groupIds: form.getAll("groupIds").map(String),
    });
  }

  return (
    <Dialog open={open} onClose={close} title={created ? "User created" : "New user"}>
      {created ? (
        <>
          <div className="dialog-body">
            {created.password ? (
              <OneTimeSecret label={`Password for ${created.username}`} value={created.password} />
            ) : (
              <p>{created.username} can sign in with the password you chose.</p>
            )}
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
            <Field label="Username" errors={errors.username} hint="Lower-case letters, digits, . - _">
              <TextInput name="username" required autoFocus invalid={!!errors.username} />
            </Field>
            <Field label="E-mail (optional)" errors={errors.email}>
              <TextInput name="email" type="email" invalid={!!errors.email} />
            </Field>
            <Field label="Display name (optional)" errors={errors.displayName}>
              <TextInput name="displayName" invalid={!!errors.displayName} />
            </Field>
            <Field label="Role" errors={errors.role} hint="Admins manage users and sources, stewards manage grants, analysts query.">
              <select name="role" defaultValue="analyst">
                <option value="analyst">analyst</option>
                <option value="steward">steward</option>
                <option value="admin">admin</option>
              </select>
            </Field>
            <Field label="Password (optional)" errors={errors.password} hint="Leave empty to generate one, shown once.">
              <TextInput name="password" type="password" autoComplete="new-password" invalid={!!errors.password} />
            </Field>
            {groups.length > 0 && (
              <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                <legend style={{ fontWeight: 500, padding: 0 }}>Groups</legend>
                <div className="row">
                  {groups.map((g) => (
                    <label key={g.id} className="row" style={{ gap: 4 }}>
                      <input type="checkbox" name="groupIds" value={g.id} /> {g.name}
                    </label>
                  ))}
                </div>
              </fieldset>
            )}
          </div>
          <div className="dialog-foot">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create user"}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
