"use client";

/** What an error boundary shows: a clear message and a way to retry — never a stack trace. */
export function ErrorState({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="panel error-state" role="alert">
      <h1>This page could not be shown</h1>
      <p className="muted" style={{ margin: 0 }}>
        Something went wrong while loading it. Try again; if it keeps happening, give an administrator this reference:{" "}
        <code>{error.digest ?? "none"}</code>.
      </p>
      <button type="button" className="primary" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
