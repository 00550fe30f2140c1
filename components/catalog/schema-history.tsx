"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { tableSchemaDiffAction } from "@/app/(studio)/catalog/table-actions";
import { unwrap } from "@/components/action-client";
import { formatTime } from "./format";
import { catalogKeys } from "./keys";
import { keyOf } from "./paths";
import { identOf, type TableRef } from "./table-tabs";
import type { SchemaChange, SchemaVersion } from "./table-types";

const CHANGE_TEXT: Record<SchemaChange["change"], { label: string; className: string }> = {
  added: { label: "added", className: "diff-added" },
  removed: { label: "removed", className: "diff-removed" },
  renamed: { label: "renamed", className: "diff-changed" },
  type: { label: "type changed", className: "diff-changed" },
  required: { label: "made required", className: "diff-changed" },
  optional: { label: "made optional", className: "diff-changed" },
  comment: { label: "comment changed", className: "diff-changed" },
};

/** Every schema version of the table; choose two to see what changed between them. */
export function SchemaHistory({ target, versions }: { target: TableRef; versions: SchemaVersion[] }) {
  const sorted = [...versions].sort((a, b) => a.schemaId - b.schemaId);
  const current = sorted.find((v) => v.current) ?? sorted[sorted.length - 1];
  const [from, setFrom] = useState(sorted.length > 1 ? sorted[sorted.length - 2].schemaId : current.schemaId);
  const [to, setTo] = useState(current.schemaId);
  return (
    <section className="panel panel-body stack" aria-labelledby="schema-history-heading">
      <h2 id="schema-history-heading">Schema history</h2>
      <p className="muted" style={{ margin: 0 }}>
        {sorted.length === 1 ? "This table has one schema version." : `${sorted.length} schema versions; the current one is ${current.schemaId}.`}
      </p>
      {sorted.length > 1 && (
        <>
          <div className="row">
            <VersionSelect label="From version" versions={sorted} value={from} onChange={setFrom} />
            <VersionSelect label="To version" versions={sorted} value={to} onChange={setTo} />
          </div>
          <SchemaDiff target={target} from={from} to={to} />
        </>
      )}
    </section>
  );
}

function VersionSelect({ label, versions, value, onChange }: { label: string; versions: SchemaVersion[]; value: number; onChange: (id: number) => void }) {
  return (
    <label className="field">
      {label}
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {versions.map((v) => (
          <option key={v.schemaId} value={v.schemaId}>
            {`${v.schemaId} · ${v.columnCount} columns${v.since ? ` · since ${formatTime(v.since)}` : ""}${v.current ? " (current)" : ""}`}
          </option>
        ))}
      </select>
    </label>
  );
}

function SchemaDiff({ target, from, to }: { target: TableRef; from: number; to: number }) {
  const diff = useQuery({
    queryKey: catalogKeys.tablePart(keyOf(target), "schema-diff", from, to),
    queryFn: () => unwrap(tableSchemaDiffAction({ ...identOf(target), from, to })),
    enabled: from !== to,
  });
  if (from === to) return <p className="muted">Choose two different versions.</p>;
  if (diff.isPending) return <p className="muted">Comparing…</p>;
  if (diff.isError) return <div className="form-error" role="alert">{diff.error.message}</div>;
  if (diff.data.length === 0) return <p className="muted">No differences.</p>;
  return (
    <table className="data compact" aria-label="Schema changes">
      <thead>
        <tr>
          <th>Column</th>
          <th>Change</th>
          <th>Before</th>
          <th>After</th>
        </tr>
      </thead>
      <tbody>
        {diff.data.map((c) => (
          <tr key={`${c.id}-${c.change}`}>
            <td>
              <code>{c.path}</code>
            </td>
            <td className={CHANGE_TEXT[c.change].className}>{CHANGE_TEXT[c.change].label}</td>
            <td>{c.before ? <code>{c.before}</code> : ""}</td>
            <td>{c.after ? <code>{c.after}</code> : ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
