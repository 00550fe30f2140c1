"use client";

import type { Dispatch, SetStateAction } from "react";

export const TYPE_CHOICES = ["long", "int", "string", "double", "float", "boolean", "decimal", "date", "timestamp", "timestamptz", "time", "uuid", "binary", "fixed"] as const;

export interface ColumnDraft {
  key: number;
  name: string;
  type: (typeof TYPE_CHOICES)[number];
  precision: string;
  scale: string;
  length: string;
  required: boolean;
  comment: string;
}

let nextKey = 1;
export function newColumn(overrides: Partial<ColumnDraft> = {}): ColumnDraft {
  return { key: nextKey++, name: "", type: "string", precision: "10", scale: "2", length: "16", required: false, comment: "", ...overrides };
}

/** The Iceberg type text of a draft: "decimal(10, 2)", "fixed[16]", "long". */
export function typeText(c: ColumnDraft): string {
  if (c.type === "decimal") return `decimal(${c.precision.trim()}, ${c.scale.trim()})`;
  if (c.type === "fixed") return `fixed[${c.length.trim()}]`;
  return c.type;
}

type Errors = Record<string, string[]>;

/** Columns of a new table: name, type (with precision and scale for decimals), required, comment. */
export function ColumnsEditor({ columns, setColumns, errors }: { columns: ColumnDraft[]; setColumns: Dispatch<SetStateAction<ColumnDraft[]>>; errors: Errors }) {
  const update = (key: number, change: Partial<ColumnDraft>) => setColumns((cs) => cs.map((c) => (c.key === key ? { ...c, ...change } : c)));
  return (
    <fieldset className="fields-grid" style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontWeight: 600, padding: 0, marginBottom: 6 }}>Columns</legend>
      {errors.columns && <span className="field-error">{errors.columns.join(" ")}</span>}
      {columns.map((c, i) => (
        <div key={c.key} className="column-row" data-column-index={i}>
          <div>
            <input aria-label={`Column ${i + 1} name`} value={c.name} onChange={(e) => update(c.key, { name: e.target.value })} aria-invalid={!!errors[`columns.${i}.name`] || undefined} placeholder="name" />
            <FieldErrors messages={errors[`columns.${i}.name`]} />
          </div>
          <div>
            <div className="row" style={{ gap: 4, flexWrap: "nowrap" }}>
              <select aria-label={`Column ${i + 1} type`} value={c.type} onChange={(e) => update(c.key, { type: e.target.value as ColumnDraft["type"] })}>
                {TYPE_CHOICES.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
              {c.type === "decimal" && (
                <>
                  <input aria-label={`Column ${i + 1} precision`} value={c.precision} onChange={(e) => update(c.key, { precision: e.target.value })} style={{ width: 52 }} inputMode="numeric" />
                  <input aria-label={`Column ${i + 1} scale`} value={c.scale} onChange={(e) => update(c.key, { scale: e.target.value })} style={{ width: 44 }} inputMode="numeric" />
                </>
              )}
              {c.type === "fixed" && (
                <input aria-label={`Column ${i + 1} length`} value={c.length} onChange={(e) => update(c.key, { length: e.target.value })} style={{ width: 56 }} inputMode="numeric" />
              )}
            </div>
            <FieldErrors messages={errors[`columns.${i}.type`]} />
          </div>
          <label className="row" style={{ gap: 4, whiteSpace: "nowrap", flexWrap: "nowrap", paddingTop: 6 }}>
            <input type="checkbox" checked={c.required} onChange={(e) => update(c.key, { required: e.target.checked })} aria-label={`Column ${i + 1} required`} /> required
          </label>
          <div>
            <input aria-label={`Column ${i + 1} comment`} value={c.comment} onChange={(e) => update(c.key, { comment: e.target.value })} placeholder="comment (optional)" />
            <FieldErrors messages={errors[`columns.${i}.comment`]} />
          </div>
          <button type="button" className="link" aria-label={`Remove column ${i + 1}`} onClick={() => setColumns((cs) => cs.filter((x) => x.key !== c.key))} disabled={columns.length === 1} style={{ paddingTop: 6 }}>
            Remove
          </button>
        </div>
      ))}
      <div>
        <button type="button" onClick={() => setColumns((cs) => [...cs, newColumn()])}>
          Add column
        </button>
      </div>
    </fieldset>
  );
}

export function FieldErrors({ messages }: { messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <>
      {messages.map((m) => (
        <span key={m} className="field-error" style={{ display: "block" }}>
          {m}
        </span>
      ))}
    </>
  );
}
