"use client";

import type { Dispatch, SetStateAction } from "react";
import { FieldErrors } from "./column-editor";

export const TRANSFORMS = ["identity", "year", "month", "day", "hour", "bucket", "truncate"] as const;

export interface PartitionDraft {
  key: number;
  column: string;
  transform: (typeof TRANSFORMS)[number];
  /** Buckets for bucket, width for truncate. */
  argument: string;
}

let nextKey = 1;
export function newPartition(column: string): PartitionDraft {
  return { key: nextKey++, column, transform: "identity", argument: "16" };
}

/** "bucket[16]", "month", "identity" — the transform as Iceberg writes it. */
export function transformText(p: PartitionDraft): string {
  return p.transform === "bucket" || p.transform === "truncate" ? `${p.transform}[${p.argument.trim()}]` : p.transform;
}

/** Partition fields of a new table: a column and a transform each (month(order_date), bucket(16, id)). */
export function PartitionEditor({ fields, setFields, columnNames, errors }: { fields: PartitionDraft[]; setFields: Dispatch<SetStateAction<PartitionDraft[]>>; columnNames: string[]; errors: Record<string, string[]> }) {
  const update = (key: number, change: Partial<PartitionDraft>) => setFields((fs) => fs.map((f) => (f.key === key ? { ...f, ...change } : f)));
  return (
    <fieldset className="fields-grid" style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontWeight: 600, padding: 0, marginBottom: 6 }}>Partitioned by</legend>
      {fields.length === 0 && <span className="muted">Not partitioned. Partition large tables by a date (month, day) or a bucket of a key.</span>}
      {fields.map((f, i) => (
        <div key={f.key} className="row" data-partition-index={i} style={{ alignItems: "flex-start" }}>
          <div>
            <select aria-label={`Partition ${i + 1} transform`} value={f.transform} onChange={(e) => update(f.key, { transform: e.target.value as PartitionDraft["transform"] })}>
              {TRANSFORMS.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
            <FieldErrors messages={errors[`partitionBy.${i}.transform`]} />
          </div>
          {(f.transform === "bucket" || f.transform === "truncate") && (
            <input aria-label={`Partition ${i + 1} ${f.transform === "bucket" ? "buckets" : "width"}`} value={f.argument} onChange={(e) => update(f.key, { argument: e.target.value })} style={{ width: 64 }} inputMode="numeric" />
          )}
          <span style={{ paddingTop: 8 }}>of</span>
          <div>
            <select aria-label={`Partition ${i + 1} column`} value={f.column} onChange={(e) => update(f.key, { column: e.target.value })}>
              {!columnNames.includes(f.column) && <option value={f.column}>{f.column || "choose a column"}</option>}
              {columnNames.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
            <FieldErrors messages={errors[`partitionBy.${i}.column`]} />
          </div>
          <button type="button" className="link" aria-label={`Remove partition field ${i + 1}`} onClick={() => setFields((fs) => fs.filter((x) => x.key !== f.key))} style={{ paddingTop: 8 }}>
            Remove
          </button>
        </div>
      ))}
      <div>
        <button type="button" onClick={() => setFields((fs) => [...fs, newPartition(columnNames[0] ?? "")])} disabled={columnNames.length === 0}>
          Add partition field
        </button>
      </div>
    </fieldset>
  );
}
