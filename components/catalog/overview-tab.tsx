"use client";

import { useQueryClient } from "@tanstack/react-query";
import { setOwnerAction } from "@/app/(studio)/catalog/owner-actions";
import { setTablePropertiesAction } from "@/app/(studio)/catalog/table-edit-actions";
import { unwrap } from "@/components/action-client";
import { DescriptionEditor } from "./description-editor";
import { formatBytes, formatCount, formatTime } from "./format";
import { catalogKeys } from "./keys";
import { keyOf } from "./paths";
import { PropertiesEditor, type PropertyChange } from "./properties-editor";
import { identOf, type TableRef } from "./table-tabs";
import { TagsRow } from "./tag-editor";
import type { TableAbilities, TableOverview } from "./table-types";
import { useTableOverview } from "./use-table-overview";

export function OverviewTab({ target, initial, can }: { target: TableRef; initial: TableOverview; can: TableAbilities }) {
  const queryClient = useQueryClient();
  const tableKey = keyOf(target);
  const t = useTableOverview(target, initial);
  // Properties live in the table's metadata: a change is a commit, so every tab may differ after it.
  const save = async (change: PropertyChange) => {
    await unwrap(setTablePropertiesAction({ ...identOf(target), change }));
    await queryClient.invalidateQueries({ queryKey: catalogKeys.table(tableKey) });
  };
  const saveOwner = async (owner: string) => {
    await unwrap(setOwnerAction({ target: { kind: t.kind === "view" ? "view" : "table", ...identOf(target) }, owner }));
    await queryClient.invalidateQueries({ queryKey: catalogKeys.table(tableKey) });
  };
  return (
    <div className="stack">
      {t.kind === "table" && (
        <div className="stats">
          <Stat label={t.rowCountIsEstimate ? "Rows (estimate)" : "Rows"} value={formatCount(t.rowCount)} />
          {!t.federated && <Stat label="Size" value={formatBytes(t.sizeBytes)} />}
          {!t.federated && <Stat label="Data files" value={formatCount(t.fileCount)} />}
        </div>
      )}
      <div className="panel panel-body">
        <dl className="kv">
          <dt>Description</dt>
          <dd>
            <DescriptionEditor value={t.comment} save={can.alter && t.kind === "table" && !t.federated ? (comment) => save(comment ? { updates: { comment } } : { removals: ["comment"] }) : undefined} />
          </dd>
          <dt>Owner</dt>
          <dd>
            <DescriptionEditor label="Owner" value={t.owner} save={can.owner && !t.federated ? saveOwner : undefined} />
          </dd>
          {!t.federated && (
            <>
              <dt>Tags</dt>
              <dd>
                <TagsRow target={{ kind: t.kind === "view" ? "view" : "table", ...identOf(target) }} canEdit={can.tag} label="Tags" />
              </dd>
            </>
          )}
          <dt>Kind</dt>
          <dd>
            {t.federated ? "Federated table (live in its database)" : t.kind === "table" ? "Iceberg table" : t.kind === "external" ? "External table (files registered in place)" : "View"}
            {t.protected && <span className="badge warn" style={{ marginLeft: 6 }}>protected</span>}
          </dd>
          {t.fileFormat && (
            <>
              <dt>Files</dt>
              <dd>{t.fileFormat} files, read where they are; new files show up on the next read</dd>
            </>
          )}
          <dt>Location</dt>
          <dd>{t.location ? <code>{t.location}</code> : "—"}</dd>
          <dt>Format</dt>
          <dd>{t.formatVersion ? `Iceberg v${t.formatVersion}` : "—"}</dd>
          <dt>Partitioned by</dt>
          <dd>{t.partitioning.length ? <code>{t.partitioning.join(", ")}</code> : <span className="muted">not partitioned</span>}</dd>
          <dt>Last change</dt>
          <dd data-testid="last-change">
            {t.lastChange ? `${t.lastChange.operation} · ${formatTime(t.lastChange.at)}${t.lastChange.by ? ` · by ${t.lastChange.by}` : ""}` : <span className="muted">unknown</span>}
          </dd>
          <dt>Table UUID</dt>
          <dd>
            <code>{t.uuid ?? "—"}</code>
          </dd>
        </dl>
      </div>
      {t.viewSql && (
        <>
          <h2>Definition</h2>
          <pre className="panel panel-body" style={{ margin: 0, overflow: "auto" }}>
            {t.viewSql}
          </pre>
        </>
      )}
      <h2>{t.kind === "external" ? "Reader options" : "Properties"}</h2>
      <PropertiesEditor properties={t.properties} label="Table properties" save={can.alter && t.kind === "table" && !t.federated ? save : undefined} />
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="panel stat">
      <div className="value">{value}</div>
      <div className="label">{label}</div>
    </div>
  );
}
