"use client";

import { useState } from "react";
import { exportUrl } from "./query-api";
import { saveFile } from "./save-file";

type Format = "csv" | "json" | "parquet";

/**
 * Downloads a whole kept result from the export endpoint, reading the stream so a large
 * export shows how far it has come; the file is handed to the browser at the end.
 */
export function ResultExport({ runId, rowCount }: { runId: string; rowCount: number | null }) {
  const [progress, setProgress] = useState<{ format: Format; bytes: number; total: number | null } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download(format: Format) {
    setError(null);
    setProgress({ format, bytes: 0, total: null });
    try {
      const response = await fetch(exportUrl(runId, format), { credentials: "same-origin" });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? "The export failed. Please try again.");
      }
      const total = Number(response.headers.get("Content-Length")) || null;
      const chunks: BlobPart[] = [];
      const reader = response.body.getReader();
      let bytes = 0;
      for (let next = await reader.read(); !next.done; next = await reader.read()) {
        chunks.push(next.value);
        bytes += next.value.byteLength;
        setProgress({ format, bytes, total });
      }
      saveFile(new Blob(chunks, { type: response.headers.get("Content-Type") ?? "application/octet-stream" }), filenameOf(response, runId, format));
    } catch (e) {
      setError(e instanceof TypeError ? "Tarn could not be reached. Check your connection and try again." : (e as Error).message);
    } finally {
      setProgress(null);
    }
  }

  return (
    <div className="row result-export">
      <span className="muted">Export{rowCount !== null ? ` all ${rowCount.toLocaleString()} rows` : ""}:</span>
      {(["csv", "json", "parquet"] as const).map((format) => (
        <button key={format} type="button" disabled={progress !== null} onClick={() => void download(format)}>
          {format.toUpperCase()}
        </button>
      ))}
      {progress && (
        <span role="status" className="muted">
          Exporting {progress.format.toUpperCase()}… {formatBytes(progress.bytes)}
          {progress.total ? ` of ${formatBytes(progress.total)}` : ""}
          {progress.total ? <progress value={progress.bytes} max={progress.total} aria-label="Export progress" /> : null}
        </span>
      )}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

function filenameOf(response: Response, runId: string, format: Format): string {
  const match = response.headers.get("Content-Disposition")?.match(/filename="?([^";]+)"?/);
  return match?.[1] ?? `result-${runId}.${format}`;
}
