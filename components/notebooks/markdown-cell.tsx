"use client";

import { useState } from "react";
import { CellFrame, type CellControls } from "./cell-frame";
import { MarkdownView } from "./markdown-view";
import type { CellData } from "./types";

/** A Markdown cell: rendered; "Edit" (or a double click) turns it into a text area, saved as you type. */
export function MarkdownCell({ cell, controls, onChange }: { cell: CellData; controls: CellControls; onChange: (source: string) => void }) {
  const [editing, setEditing] = useState(cell.source === "" && !controls.readOnly);
  const [source, setSource] = useState(cell.source);
  const label = `Cell ${controls.index + 1}`;
  const actions = !controls.readOnly && (
    <button type="button" onClick={() => setEditing((e) => !e)}>
      {editing ? "Done" : "Edit"}
    </button>
  );
  return (
    <CellFrame kind="markdown" label={label} controls={controls} actions={actions}>
      {editing ? (
        <textarea
          className="markdown-source"
          aria-label={`Markdown of ${label}`}
          value={source}
          rows={Math.min(20, Math.max(3, source.split("\n").length + 1))}
          onChange={(e) => {
            setSource(e.target.value);
            onChange(e.target.value);
          }}
        />
      ) : (
        // biome-ignore lint/a11y/noStaticElementInteractions: double click is a shortcut; the Edit button is the accessible way
        <div className="markdown-wrap" onDoubleClick={() => !controls.readOnly && setEditing(true)}>
          {source.trim() ? <MarkdownView source={source} /> : <p className="muted">Empty Markdown cell.</p>}
        </div>
      )}
    </CellFrame>
  );
}
