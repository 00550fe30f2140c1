"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useEffect, useState } from "react";

export function SignInForm({ returnTo, oidcName, initialError }: { returnTo: string; oidcName?: string; initialError?: string }) {
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [busy, setBusy] = useState(false);
  // Until React has hydrated, a click would submit the form natively; keep it disabled.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    const result = await signIn("credentials", {
      login: String(form.get("login") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    }).catch(() => undefined);
    if (result?.ok && !result.error) {
      router.replace(returnTo);
      router.refresh();
      return;
    }
    setBusy(false);
    setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Sign-in failed. Try again.");
  }

  return (
    <form method="post" className="panel signin-card" onSubmit={onSubmit} aria-label="Sign in">
      <h1>
        <span className="brand-mark" aria-hidden /> Sign in to Tarn
      </h1>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      <label className="field">
        Username or e-mail
        <input name="login" autoComplete="username" required autoFocus disabled={!hydrated || busy} />
      </label>
      <label className="field">
        Password
        <input name="password" type="password" autoComplete="current-password" required disabled={!hydrated || busy} />
      </label>
      <button type="submit" className="primary" disabled={!hydrated || busy}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
      {oidcName && (
        <button type="button" disabled={!hydrated || busy} onClick={() => signIn("oidc", { callbackUrl: returnTo })}>
          Continue with {oidcName}
        </button>
      )}
    </form>
  );
}
