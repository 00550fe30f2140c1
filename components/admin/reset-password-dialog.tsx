"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { resetUserPasswordAction } from "@/app/(studio)/admin/users/actions";
import { fieldErrorsOf, unwrap } from "@/components/action-client";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextInput } from "@/components/ui/field";
import { OneTimeSecret } from "./one-time-secret";

export function ResetPasswordDialog({ user, onClose }: { user: { id: string; username: string } | null; onClose: () => void }) {
  const [generated, setGenerated] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const reset = useMutation({
    mutationFn: (v: { id: string; password: string }) => unwrap(resetUserPasswordAction(v)),
    onSuccess: (result) => {
      toast.success(`Password of ${user?.username} reset; their sessions have ended.`);
      setGenerated(result.generatedPassword ?? null);
      setDone(true);
    },
  });
  const errors = fieldErrorsOf(reset.error);
  const close = () => {
    reset.reset();
    setGenerated(null);
    setDone(false);
    onClose();
  };
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!user) return;
    reset.mutate({ id: user.id, password: String(new FormData(event.currentTarget).get("password") ?? "") });
  }
  return (
    <Dialog open={!!user} onClose={close} title={`Reset password of ${user?.username ?? ""}`}>
      {done ? (
        <>
          <div className="dialog-body">{generated ? <OneTimeSecret label="New password" value={generated} /> : <p>The new password is set.</p>}</div>
          <div className="dialog-foot">
            <button type="button" className="primary" onClick={close}>
              Done
            </button>
          </div>
        </>
      ) : (
        <form method="post" onSubmit={onSubmit} noValidate>
          <div className="dialog-body">
            {reset.error && !Object.keys(errors).length && (
              <div className="form-error" role="alert">
                {reset.error.message}
              </div>
            )}
            <Field label="New password (optional)" errors={errors.password} hint="Leave empty to generate one, shown once.">
              <TextInput name="password" type="password" autoComplete="new-password" autoFocus invalid={!!errors.password} />
            </Field>
          </div>
          <div className="dialog-foot">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={reset.isPending}>
              Reset password
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
