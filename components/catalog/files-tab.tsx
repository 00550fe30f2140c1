"use client";

import { useQuery } from "@tanstack/react-query";
import { tableFilesAction } from "@/app/(studio)/catalog/table-actions";
import { unwrap } from "@/components/action-client";
import { formatBytes, formatCount } from "./format";
import { catalogKeys } from "./keys";
import { keyOf } from "./paths";
import { identOf, type TableRef } from "./table-tabs";
import type { PartitionRow } from "./table-types";

/** Partitions of the current snapshot (files, rows, bytes each) and its data files. */
export function FilesTab({ target }: { target: TableRef }) {
  const files = useQuery({ queryKey: catalogKeys.tablePart(keyOf(target), "files"), queryFn: () => unwrap(tableFilesAction(identOf(target))) });
  if (files.isPending) return <div className="empty">Reading the manifests…</div>;
  if (files.isError) return <div className="form-error" role="alert">{files.error.message}</div>;
  const { partitionFields, partitions, files: list, truncated, totalFiles } = files.data;
  return (
    <div className="stack">
      <h2>Partitions</h2>
      <div className="panel scroll-x">
        {partitions.length === 0 ? (
          <div className="empty">No data files yet.</div>
        ) : (
          <table className="data compact" aria-label="Partitions">
            <thead>
              <tr>
                {partitionFields.length ? partitionFields.map((f) => <th key={f}>{f}</th>) : <th>Partition</th>}
                <th className="num">Files</th>
                <th className="num">Rows</th>
                <th className="num">Size</th>
              </tr>
            </thead>
            <tbody>
              {partitions.map((p) => (
                <tr key={JSON.stringify(p.partition)}>
                  <PartitionCells fields={partitionFields} row={p} />
                  <td className="num">{formatCount(p.files)}</td>
                  <td className="num">{formatCount(p.rows)}</td>
                  <td className="num">{formatBytes(p.bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <h2>Files</h2>
      <span className="muted">{truncated ? `The first ${list.length} of ${formatCount(totalFiles)} files` : `${formatCount(totalFiles)} files`}</span>
      <div className="panel scroll-x">
        <table className="data compact" aria-label="Data files">
          <thead>
            <tr>
              <th>File</th>
              <th>Content</th>
              <th className="num">Rows</th>
              <th className="num">Size</th>
            </tr>
          </thead>
          <tbody>
            {list.map((f) => (
              <tr key={f.path}>
                <td className="cell" title={f.path}>
                  {f.path.slice(f.path.lastIndexOf("/") + 1)}
                </td>
                <td>
                  {f.content} · {f.format}
                </td>
                <td className="num">{formatCount(f.rows)}</td>
                <td className="num">{formatBytes(f.bytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function PartitionCells({ fields, row }: { fields: string[]; row: PartitionRow }) {
  if (!fields.length) return <td className="muted">unpartitioned</td>;
  return (
    <>
      {fields.map((f) => (
        <td key={f}>{row.partition?.[f] ?? <span className="null">null</span>}</td>
      ))}
    </>
  );
}
