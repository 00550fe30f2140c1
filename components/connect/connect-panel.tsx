"use client";

import Link from "next/link";
import { useState } from "react";
import { CodeBlock } from "./code-block";
import { SelfTest } from "./self-test";
import { allSnippets, type Credentials } from "./snippets";

type Engine = "spark" | "trino" | "pyiceberg" | "duckdb";

/**
 * Choose a catalog and credentials, read the settings for your engine, and prove the
 * handshake works. Credentials typed here stay in the page: they fill the snippets and
 * are sent only to this server's own self-test.
 */
export function ConnectPanel({ restUri, catalogs, canManageClients }: { restUri: string; catalogs: string[]; canManageClients: boolean }) {
  const [warehouse, setWarehouse] = useState(catalogs[0] ?? "");
  const [kind, setKind] = useState<Credentials["kind"]>("client");
  const [clientId, setClientId] = useState("");
  const [clientSecret, setClientSecret] = useState("");
  const [token, setToken] = useState("");
  const [engine, setEngine] = useState<Engine>("spark");
  const credentials: Credentials = kind === "client" ? { kind, clientId, clientSecret } : { kind, token };
  const snippets = allSnippets({ restUri, warehouse, credentials });
  const shown = snippets.find((s) => s.id === engine) ?? snippets[0];
  return (
    <div className="stack" style={{ gap: 20 }}>
      <section className="panel panel-body stack" aria-labelledby="connect-how">
        <h2 id="connect-how">1. Catalog and credentials</h2>
        <div className="row" style={{ alignItems: "flex-end" }}>
          <label className="field">
            Catalog (the REST “warehouse”)
            <select value={warehouse} onChange={(e) => setWarehouse(e.target.value)}>
              {catalogs.length === 0 && <option value="">no catalogs yet</option>}
              {catalogs.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="row" style={{ border: 0, padding: 0, margin: 0 }}>
            <legend className="sr-only">Sign in with</legend>
            <label className="row" style={{ gap: 4 }}>
              <input type="radio" name="credential-kind" checked={kind === "client"} onChange={() => setKind("client")} /> API client
            </label>
            <label className="row" style={{ gap: 4 }}>
              <input type="radio" name="credential-kind" checked={kind === "token"} onChange={() => setKind("token")} /> Personal access token
            </label>
          </fieldset>
        </div>
        {kind === "client" ? (
          <div className="row" style={{ alignItems: "flex-end" }}>
            <label className="field">
              Client id
              <input value={clientId} onChange={(e) => setClientId(e.target.value)} autoComplete="off" spellCheck={false} />
            </label>
            <label className="field">
              Client secret
              <input value={clientSecret} onChange={(e) => setClientSecret(e.target.value)} type="password" autoComplete="off" />
            </label>
            <span className="muted">{canManageClients ? <Link href="/admin/api-clients">Create an API client</Link> : "An admin creates API clients."}</span>
          </div>
        ) : (
          <div className="row" style={{ alignItems: "flex-end" }}>
            <label className="field" style={{ minWidth: 360 }}>
              Access token
              <input value={token} onChange={(e) => setToken(e.target.value)} type="password" autoComplete="off" />
            </label>
            <Link href="/account#tokens">Create a token</Link>
          </div>
        )}
        <p className="muted" style={{ margin: 0 }}>
          REST catalog: <code>{restUri}</code> (engines add <code>/v1/…</code>). Table files are folders on this server, so run engines where they can read them.
        </p>
      </section>
      <section className="panel panel-body stack" aria-labelledby="connect-settings">
        <h2 id="connect-settings">2. Settings for your engine</h2>
        <fieldset className="tabs" style={{ padding: 0, margin: 0, border: 0 }}>
          <legend className="sr-only">Engine</legend>
          {snippets.map((s) => (
            <button key={s.id} type="button" aria-pressed={s.id === engine} className={s.id === engine ? "primary" : undefined} onClick={() => setEngine(s.id)}>
              {s.label}
            </button>
          ))}
        </fieldset>
        {shown.files.map((f) => (
          <CodeBlock key={f.title} title={f.title} text={f.text} label={`${shown.label}: ${f.title}`} />
        ))}
      </section>
      <SelfTest warehouse={warehouse} credentials={credentials} />
    </div>
  );
}
