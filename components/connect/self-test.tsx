"use client";

import { useMutation } from "@tanstack/react-query";
import { selfTestAction } from "@/app/(studio)/connect/actions";
import { fieldErrorsOf, unwrap } from "@/components/action-client";
import type { Credentials } from "./snippets";

const MARK = { ok: "✓", failed: "✗", skipped: "–" } as const;

/** "Self-test": the server runs the REST handshake with these credentials and reports each step. */
export function SelfTest({ warehouse, credentials }: { warehouse: string; credentials: Credentials }) {
  const test = useMutation({ mutationFn: () => unwrap(selfTestAction({ warehouse, credentials })) });
  const passed = test.data?.every((s) => s.outcome === "ok");
  return (
    <section className="panel panel-body stack" aria-labelledby="connect-test">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <div>
          <h2 id="connect-test">3. Self-test</h2>
          <p className="muted" style={{ margin: 0 }}>
            Runs what an engine does first: get a token, read the catalog's configuration, list its namespaces.
          </p>
        </div>
        <button type="button" className="primary" onClick={() => test.mutate()} disabled={test.isPending || !warehouse}>
          {test.isPending ? "Testing…" : "Run self-test"}
        </button>
      </div>
      {test.error && (
        <div className="form-error" role="alert">
          {Object.values(fieldErrorsOf(test.error))[0]?.[0] ?? test.error.message}
        </div>
      )}
      {test.data && (
        <ol className="stack" style={{ listStyle: "none", padding: 0, margin: 0 }} aria-label="Self-test steps">
          {test.data.map((step) => (
            <li key={step.name} className="step" data-outcome={step.outcome}>
              <span className={step.outcome === "ok" ? "step-ok" : step.outcome === "failed" ? "step-fail" : "muted"} aria-hidden>
                {MARK[step.outcome]}
              </span>
              <div>
                <strong>{step.name}</strong> <span className="muted">{step.outcome}{step.status ? ` · HTTP ${step.status}` : ""}{step.ms !== undefined ? ` · ${step.ms} ms` : ""}</span>
                <div>{step.detail}</div>
              </div>
            </li>
          ))}
        </ol>
      )}
      {test.data && (
        <p role="status" className={passed ? "step-ok" : "step-fail"} style={{ margin: 0 }}>
          {passed ? "The handshake works: engines can connect with these settings." : "The handshake failed; see the step above."}
        </p>
      )}
    </section>
  );
}
