"use client";

import dynamic from "next/dynamic";
import type { SqlEditorProps } from "./sql-editor-impl";

export type { EditorMarker, SqlEditorHandle } from "./sql-editor-impl";

/** Monaco only ever loads in the browser (it touches window at import). */
const Impl = dynamic(() => import("./sql-editor-impl"), { ssr: false, loading: () => <div className="sql-editor muted">Loading editor…</div> });

export function SqlEditor(props: SqlEditorProps) {
  return <Impl {...props} />;
}
