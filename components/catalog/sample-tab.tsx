"use client";

import { useQuery } from "@tanstack/react-query";
import { tableSampleAction } from "@/app/(studio)/catalog/table-actions";
import { unwrap } from "@/components/action-client";
import { catalogKeys } from "./keys";
import { keyOf } from "./paths";
import { identOf, type TableRef } from "./table-tabs";

/** The first 100 rows, read on the server (the browser never sees file paths or SQL). */
export function SampleTab({ target, federated }: { target: TableRef; federated: boolean }) {
  const sample = useQuery({
    queryKey: catalogKeys.tablePart(keyOf(target), "sample"),
    queryFn: () => unwrap(tableSampleAction(identOf(target))),
    enabled: !federated,
    staleTime: 60_000,
  });
  if (federated) return <Notice text="Federated tables are read live from their database; sample rows arrive with the query engine." />;
  if (sample.isPending) return <div className="empty">Reading the first rows…</div>;
  if (sample.isError) return <div className="form-error" role="alert">{sample.error.message}</div>;
  if (!sample.data.available) return <Notice text={sample.data.reason} />;
  const { columns, rows } = sample.data;
  if (rows.length === 0) return <div className="empty">The table has no rows.</div>;
  return (
    <div className="stack">
      <span className="muted">First {rows.length} rows</span>
      <div className="panel scroll-x">
        <table className="data compact" aria-label="Sample rows">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.name} title={c.type}>
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: sample rows have no identity of their own
              <tr key={i}>
                {row.map((value, j) => (
                  <td key={columns[j].name} className="cell">
                    <Cell value={value} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Cell({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="null">null</span>;
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return <span title={text}>{text}</span>;
}

export function Notice({ text }: { text: string }) {
  return (
    <div className="notice" role="status">
      {text}
    </div>
  );
}
