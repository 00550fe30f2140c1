"use client";

import { useSearchParams } from "next/navigation";
import { type KeyboardEvent, useId } from "react";
import { DdlTab } from "./ddl-tab";
import { FilesTab } from "./files-tab";
import { OverviewTab } from "./overview-tab";
import { PermissionsTab } from "./permissions-tab";
import { SampleTab } from "./sample-tab";
import { SchemaTab } from "./schema-tab";
import { SnapshotsTab } from "./snapshots-tab";
import type { TableAbilities, TableOverview } from "./table-types";

export type TableRef = { kind: "table"; catalog: string; namespace: string[]; name: string };

const TABS = [
  { id: "overview", label: "Overview" },
  { id: "schema", label: "Schema" },
  { id: "sample", label: "Sample" },
  { id: "snapshots", label: "Snapshots" },
  { id: "files", label: "Partitions & files" },
  { id: "ddl", label: "DDL" },
  { id: "permissions", label: "Permissions" },
] as const;
type TabId = (typeof TABS)[number]["id"];

/** External tables have no snapshots or manifests; a view has neither files nor rows of its own. */
const NOT_FOR: Partial<Record<TableOverview["kind"], TabId[]>> = { external: ["snapshots", "files"], view: ["sample", "snapshots", "files"] };

/**
 * The table page's tabs (WAI-ARIA tabs: ←/→/Home/End move between them). The chosen tab
 * is in the URL (?tab=schema), so it can be linked and the back button returns to it;
 * each tab loads its own data when first shown.
 */
export function TableTabs({ target, initialOverview, can }: { target: TableRef; initialOverview: TableOverview; can: TableAbilities }) {
  const params = useSearchParams();
  const tabs = TABS.filter((t) => !NOT_FOR[initialOverview.kind]?.includes(t.id));
  const requested = asTab(params.get("tab"));
  const current = tabs.some((t) => t.id === requested) ? requested : "overview";
  const base = useId();
  const choose = (tab: TabId) => {
    const url = new URL(window.location.href);
    if (tab === "overview") url.searchParams.delete("tab");
    else url.searchParams.set("tab", tab);
    window.history.pushState(null, "", url);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((t) => t.id === current);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length];
    choose(tab.id);
    document.getElementById(`${base}-${tab.id}-tab`)?.focus();
  };
  return (
    <div className="stack">
      <div role="tablist" aria-label="Table" className="tabs" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`${base}-${tab.id}-tab`}
            aria-selected={tab.id === current}
            aria-controls={`${base}-${tab.id}-panel`}
            tabIndex={tab.id === current ? 0 : -1}
            onClick={() => choose(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-${current}-panel`} aria-labelledby={`${base}-${current}-tab`} className="tab-panel">
        <TabBody tab={current} target={target} initialOverview={initialOverview} can={can} />
      </div>
    </div>
  );
}

function TabBody({ tab, target, initialOverview, can }: { tab: TabId; target: TableRef; initialOverview: TableOverview; can: TableAbilities }) {
  switch (tab) {
    case "overview":
      return <OverviewTab target={target} initial={initialOverview} can={can} />;
    case "schema":
      return <SchemaTab target={target} can={can} />;
    case "sample":
      return <SampleTab target={target} federated={initialOverview.federated} />;
    case "snapshots":
      return <SnapshotsTab target={target} can={can} />;
    case "files":
      return <FilesTab target={target} />;
    case "ddl":
      return <DdlTab target={target} />;
    case "permissions":
      return <PermissionsTab />;
  }
}

function asTab(value: string | null | undefined): TabId {
  return TABS.some((t) => t.id === value) ? (value as TabId) : "overview";
}

export function identOf(target: TableRef) {
  return { catalog: target.catalog, namespace: target.namespace, name: target.name };
}
