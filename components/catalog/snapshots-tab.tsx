"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { tableSnapshotsAction } from "@/app/(studio)/catalog/table-actions";
import { rollbackTableAction } from "@/app/(studio)/catalog/table-edit-actions";
import { unwrap } from "@/components/action-client";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatCount, formatTime } from "./format";
import { catalogKeys } from "./keys";
import { keyOf } from "./paths";
import { SnapshotRefDialog } from "./snapshot-ref-dialog";
import { identOf, type TableRef } from "./table-tabs";
import type { SnapshotRow, TableAbilities } from "./table-types";

/** The table's history, newest first: what each commit did and who made it; tag, branch, roll back. */
export function SnapshotsTab({ target, can }: { target: TableRef; can: TableAbilities }) {
  const queryClient = useQueryClient();
  const tableKey = keyOf(target);
  const snapshots = useQuery({ queryKey: catalogKeys.tablePart(tableKey, "snapshots"), queryFn: () => unwrap(tableSnapshotsAction(identOf(target))) });
  const [refFor, setRefFor] = useState<{ snapshot: SnapshotRow; type: "tag" | "branch" } | null>(null);
  const [rollbackTo, setRollbackTo] = useState<SnapshotRow | null>(null);
  const rollback = useMutation({
    mutationFn: (s: SnapshotRow) => unwrap(rollbackTableAction({ ...identOf(target), snapshotId: s.id })),
    onSuccess: async (_, s) => {
      toast.success(`${target.name} rolled back to snapshot ${s.id}.`);
      setRollbackTo(null);
      await queryClient.invalidateQueries({ queryKey: catalogKeys.table(tableKey) });
    },
  });
  if (snapshots.isPending) return <div className="empty">Loading the history…</div>;
  if (snapshots.isError) return <div className="form-error" role="alert">{snapshots.error.message}</div>;
  if (snapshots.data.length === 0) return <div className="empty">No snapshots: nothing has been written to this table yet.</div>;
  return (
    <div className="panel panel-body">
      <ol className="timeline" aria-label="Snapshots">
        {snapshots.data.map((s) => (
          <li key={s.id} data-snapshot={s.id}>
            <span className={s.current ? "dot current" : "dot"} aria-hidden />
            <div className="stack" style={{ gap: 4 }}>
              <div className="row">
                <strong>{s.operation}</strong>
                <span className="muted">{formatTime(s.at)}</span>
                <span className="muted">by {s.by ?? "unknown"}</span>
                {s.current && <span className="badge ok">current</span>}
                {s.refs.map((r) => (
                  <span key={r.name} className={r.type === "tag" ? "badge warn" : "badge accent"}>
                    {r.type} {r.name}
                  </span>
                ))}
              </div>
              <div className="muted">{changeSummary(s)}</div>
              <div className="row">
                <code className="muted">{s.id}</code>
                {can.alter && <SnapshotButtons snapshot={s} onRef={(type) => setRefFor({ snapshot: s, type })} onRollback={() => setRollbackTo(s)} />}
              </div>
            </div>
          </li>
        ))}
      </ol>
      <SnapshotRefDialog target={target} request={refFor} onClose={() => setRefFor(null)} />
      <ConfirmDialog
        open={!!rollbackTo}
        title="Roll back the table"
        confirmLabel="Roll back"
        danger
        pending={rollback.isPending}
        error={rollback.error?.message}
        onConfirm={() => rollbackTo && rollback.mutate(rollbackTo)}
        onClose={() => {
          rollback.reset();
          setRollbackTo(null);
        }}
      >
        <p style={{ margin: 0 }}>
          {target.name} will read as it was at snapshot <code>{rollbackTo?.id}</code> ({formatTime(rollbackTo?.at)}). Later snapshots stay in the history until they
          expire, so you can roll forward again.
        </p>
      </ConfirmDialog>
    </div>
  );
}

function SnapshotButtons({ snapshot, onRef, onRollback }: { snapshot: SnapshotRow; onRef: (type: "tag" | "branch") => void; onRollback: () => void }) {
  return (
    <>
      <button type="button" className="link" onClick={() => onRef("tag")} aria-label={`Tag snapshot ${snapshot.id}`}>
        Tag
      </button>
      <button type="button" className="link" onClick={() => onRef("branch")} aria-label={`Branch from snapshot ${snapshot.id}`}>
        Branch
      </button>
      {!snapshot.current && (
        <button type="button" className="link" onClick={onRollback} aria-label={`Roll back to snapshot ${snapshot.id}`}>
          Roll back to this
        </button>
      )}
    </>
  );
}

function changeSummary(s: SnapshotRow): string {
  const parts = [
    s.addedFiles ? `+${formatCount(s.addedFiles)} files` : null,
    s.removedFiles ? `−${formatCount(s.removedFiles)} files` : null,
    s.addedRows ? `+${formatCount(s.addedRows)} rows` : null,
    s.removedRows ? `−${formatCount(s.removedRows)} rows` : null,
    s.addedDeleteFiles ? `+${formatCount(s.addedDeleteFiles)} delete files` : null,
    s.deletedByDeleteFiles ? `${formatCount(s.deletedByDeleteFiles)} rows deleted` : null,
    s.totalRows !== null ? `${formatCount(s.totalRows)} rows in total` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : "no file changes";
}
