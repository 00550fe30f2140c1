"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useDebounced } from "@/components/ui/use-debounced";
import { queryKeys } from "./keys";
import { fetchHistory, type HistoryEntry } from "./query-api";

/** My past queries, newest first: search their SQL, open one in a new cell, or run it again there. */
export function HistoryPanel({ readOnly, onOpen, onRerun, onClose }: { readOnly: boolean; onOpen: (sql: string) => void; onRerun: (sql: string) => void; onClose: () => void }) {
  const [text, setText] = useState("");
  const search = useDebounced(text.trim(), 250);
  const history = useQuery({ queryKey: queryKeys.history(search), queryFn: () => fetchHistory({ search }), staleTime: 0, refetchInterval: 5000 });
  return (
    <aside className="panel history" aria-label="Query history">
      <div className="history-head">
        <h2>Query history</h2>
        <button type="button" className="icon" onClick={onClose} aria-label="Close query history">
          ✕
        </button>
      </div>
      <input
        type="search"
        aria-label="Search query history"
        placeholder="Search SQL"
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ width: "100%" }}
      />
      {history.isError && (
        <p className="field-error" role="alert">
          {history.error.message}
        </p>
      )}
      {history.data && history.data.runs.length === 0 && <p className="muted">{search ? "No query matches." : "No queries yet."}</p>}
      <ul className="history-list">
        {history.data?.runs.map((entry) => (
          <HistoryItem key={entry.id} entry={entry} readOnly={readOnly} onOpen={onOpen} onRerun={onRerun} />
        ))}
      </ul>
    </aside>
  );
}

function HistoryItem({ entry, readOnly, onOpen, onRerun }: { entry: HistoryEntry; readOnly: boolean; onOpen: (sql: string) => void; onRerun: (sql: string) => void }) {
  const meta = [
    entry.createdAt ? new Date(entry.createdAt).toLocaleString() : null,
    entry.status,
    entry.rowCount !== null && entry.status === "succeeded" ? `${entry.rowCount.toLocaleString()} rows` : null,
    entry.durationMs !== null ? `${Math.round(entry.durationMs)} ms` : null,
  ].filter(Boolean);
  return (
    <li className="history-item" data-testid="history-item" data-status={entry.status}>
      <pre className="history-sql">{entry.sql}</pre>
      <span className="history-meta">{meta.join(" · ")}</span>
      {entry.error && <span className="history-meta field-error">{entry.error}</span>}
      {!readOnly && (
        <div className="row" style={{ gap: 4 }}>
          <button type="button" onClick={() => onOpen(entry.sql)}>
            Open in a cell
          </button>
          <button type="button" onClick={() => onRerun(entry.sql)}>
            Re-run
          </button>
        </div>
      )}
    </li>
  );
}
