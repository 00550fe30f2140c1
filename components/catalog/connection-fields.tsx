"use client";

import { useMutation } from "@tanstack/react-query";
import { type RefObject, useState } from "react";
import { testConnectionAction } from "@/app/(studio)/catalog/catalog-admin-actions";
import { unwrap } from "@/components/action-client";
import { Field, TextInput } from "@/components/ui/field";

type DbType = "postgresql" | "mysql";
const PORTS: Record<DbType, number> = { postgresql: 5432, mysql: 3306 };

export interface ConnectionValues {
  type: DbType;
  host: string;
  port?: number;
  database: string;
  user: string;
  password?: string;
  ssl?: "disable" | "require" | "verify-full";
}

/** Reads the connection fields of the create-catalog form. */
export function connectionFrom(form: FormData): ConnectionValues {
  const port = String(form.get("port") ?? "").trim();
  return {
    type: String(form.get("type") ?? "postgresql") as DbType,
    host: String(form.get("host") ?? "").trim(),
    port: port ? Number(port) : undefined,
    database: String(form.get("database") ?? "").trim(),
    user: String(form.get("user") ?? "").trim(),
    password: String(form.get("password") ?? "") || undefined,
    ssl: String(form.get("ssl") ?? "disable") as ConnectionValues["ssl"],
  };
}

/** Connection settings of a federated catalog, with "Test connection" (the password is never shown again). */
export function ConnectionFields({ errors, formRef }: { errors: Record<string, string[]>; formRef: RefObject<HTMLFormElement | null> }) {
  const [type, setType] = useState<DbType>("postgresql");
  const test = useMutation({ mutationFn: (c: ConnectionValues) => unwrap(testConnectionAction(c)) });
  const run = () => formRef.current && test.mutate(connectionFrom(new FormData(formRef.current)));
  return (
    <fieldset className="fields-grid" style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontWeight: 600, padding: 0, marginBottom: 6 }}>Database connection</legend>
      <div className="row" style={{ alignItems: "flex-start" }}>
        <Field label="Database type" errors={errors.type}>
          <select name="type" value={type} onChange={(e) => setType(e.target.value as DbType)}>
            <option value="postgresql">PostgreSQL</option>
            <option value="mysql">MySQL / MariaDB</option>
          </select>
        </Field>
        <Field label="Host" errors={errors.host}>
          <TextInput name="host" placeholder="db.internal" invalid={!!errors.host} />
        </Field>
        <Field label="Port" errors={errors.port}>
          <TextInput name="port" placeholder={String(PORTS[type])} inputMode="numeric" style={{ width: 90 }} invalid={!!errors.port} />
        </Field>
      </div>
      <div className="row" style={{ alignItems: "flex-start" }}>
        <Field label="Database" errors={errors.database}>
          <TextInput name="database" invalid={!!errors.database} />
        </Field>
        <Field label="User" errors={errors.user}>
          <TextInput name="user" autoComplete="off" invalid={!!errors.user} />
        </Field>
        <Field label="Password" errors={errors.password}>
          <TextInput name="password" type="password" autoComplete="new-password" invalid={!!errors.password} />
        </Field>
        <Field label="SSL" errors={errors.ssl}>
          <select name="ssl" defaultValue="disable">
            <option value="disable">off</option>
            <option value="require">require</option>
            <option value="verify-full">verify certificate</option>
          </select>
        </Field>
      </div>
      <div className="row">
        <button type="button" onClick={run} disabled={test.isPending}>
          {test.isPending ? "Testing…" : "Test connection"}
        </button>
        <TestResult result={test.data} error={test.error} />
      </div>
    </fieldset>
  );
}

function TestResult({ result, error }: { result?: { ok: true; serverVersion: string; latencyMs: number } | { ok: false; message: string }; error: Error | null }) {
  if (error) return <span className="field-error" role="status">{error.message}</span>;
  if (!result) return null;
  return result.ok ? (
    <span className="step-ok" role="status">
      ✓ Connected: {result.serverVersion} ({result.latencyMs} ms)
    </span>
  ) : (
    <span className="step-fail" role="status">
      ✗ {result.message}
    </span>
  );
}
