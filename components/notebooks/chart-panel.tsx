"use client";

import { useQuery } from "@tanstack/react-query";
import { CHART_ROW_LIMIT, chartData } from "./chart-data";
import { ChartView } from "./chart-view";
import { queryKeys } from "./keys";
import { fetchRows, type ResultColumn } from "./query-api";
import { typeCategory } from "./type-icons";
import type { ChartConfig, ChartType } from "./types";

const TYPES: ChartType[] = ["bar", "line", "area", "scatter", "pie"];

/** Pick a chart type, x, y and an optional group; drawn from the first rows of the kept result. */
export function ChartPanel({ config, columns, runId, rowCount, readOnly, onChange }: { config: ChartConfig; columns: ResultColumn[]; runId: string | null; rowCount: number | null; readOnly: boolean; onChange: (next: ChartConfig | null) => void }) {
  const rows = useQuery({
    queryKey: [...queryKeys.run(runId ?? "none"), "chart-rows"],
    enabled: runId !== null,
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async () => {
      const page = await fetchRows(runId as string, { offset: 0, limit: CHART_ROW_LIMIT, sort: [], filter: null });
      return page.rows.map((row) => Object.fromEntries(page.columns.map((c, i) => [c.name, row[i]])));
    },
  });
  const names = columns.map((c) => c.name);
  const numeric = columns.filter((c) => typeCategory(c.type) === "number").map((c) => c.name);
  const set = (change: Partial<ChartConfig>) => onChange({ ...config, ...change });
  const usable = names.includes(config.x) && config.y.every((y) => names.includes(y));
  return (
    <div className="chart-panel stack" style={{ gap: 8 }}>
      <fieldset className="row chart-controls" disabled={readOnly}>
        <legend className="sr-only">Chart settings</legend>
        <Select label="Chart" value={config.type} options={TYPES} onChange={(type) => set({ type: type as ChartType })} />
        <Select label="X" value={config.x} options={names} onChange={(x) => set({ x })} />
        <Select label="Y" value={config.y[0]} options={numeric.length ? numeric : names} onChange={(y) => set({ y: [y] })} />
        <Select label="Group" value={config.group ?? ""} options={["", ...names]} onChange={(group) => set({ group: group || null })} />
        {!readOnly && (
          <button type="button" onClick={() => onChange(null)}>
            Remove chart
          </button>
        )}
      </fieldset>
      {runId === null ? (
        <p className="muted">Run the cell to draw its chart.</p>
      ) : !usable ? (
        <p className="muted">The result has no column {config.x}; pick the axes again.</p>
      ) : rows.isError ? (
        <p className="field-error">The chart's rows could not be loaded.</p>
      ) : rows.data ? (
        <>
          <ChartView config={config} data={chartData(config, rows.data)} />
          {rowCount !== null && rowCount > rows.data.length && (
            <p className="muted chart-note" role="note">
              Drawn from the first {rows.data.length.toLocaleString()} of {rowCount.toLocaleString()} rows.
            </p>
          )}
        </>
      ) : (
        <p className="muted">Loading the chart…</p>
      )}
    </div>
  );
}

function Select({ label, value, options, onChange }: { label: string; value: string; options: string[]; onChange: (value: string) => void }) {
  return (
    <label className="row" style={{ gap: 4 }}>
      <span className="muted">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {o || "(none)"}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A first chart for a result: the first column as x, the first numeric other column as y. */
export function defaultChart(columns: ResultColumn[], statement: number): ChartConfig | null {
  if (columns.length === 0) return null;
  const x = columns[0].name;
  const y = columns.find((c, i) => i > 0 && typeCategory(c.type) === "number")?.name ?? columns[columns.length > 1 ? 1 : 0].name;
  return { type: "bar", x, y: [y], group: null, statement };
}
