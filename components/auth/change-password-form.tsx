"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import type { FormEvent } from "react";
import { toast } from "sonner";
import { changeOwnPasswordAction } from "@/app/(studio)/account/actions";
import { fieldErrorsOf, unwrap } from "@/components/action-client";
import { Field, TextInput } from "@/components/ui/field";

export function ChangePasswordForm() {
  const change = useMutation({
    mutationFn: (v: { currentPassword: string; newPassword: string }) => unwrap(changeOwnPasswordAction(v)),
    onSuccess: () => {
      toast.success("Password changed. Sign in again with the new one.");
      void signOut({ callbackUrl: "/signin" });
    },
  });
  const errors = fieldErrorsOf(change.error);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    change.mutate({ currentPassword: String(form.get("currentPassword") ?? ""), newPassword: String(form.get("newPassword") ?? "") });
  }
  return (
    <form method="post" className="panel panel-body stack" style={{ maxWidth: 420 }} onSubmit={onSubmit} noValidate>
      <h2>Change password</h2>
      {change.error && !Object.keys(errors).length && (
        <div className="form-error" role="alert">
          {change.error.message}
        </div>
      )}
      <Field label="Current password" errors={errors.currentPassword}>
        <TextInput name="currentPassword" type="password" autoComplete="current-password" invalid={!!errors.currentPassword} />
      </Field>
      <Field label="New password" errors={errors.newPassword} hint="At least 10 characters.">
        <TextInput name="newPassword" type="password" autoComplete="new-password" invalid={!!errors.newPassword} />
      </Field>
      <div>
        <button type="submit" className="primary" disabled={change.isPending}>
          Change password
        </button>
      </div>
    </form>
  );
}
