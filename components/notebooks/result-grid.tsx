"use client";

import {
  AllCommunityModule,
  type ColDef,
  type GridReadyEvent,
  type IDatasource,
  ModuleRegistry,
  themeQuartz,
} from "ag-grid-community";
import { AgGridReact } from "ag-grid-react";
import { useMemo, useState } from "react";
import { fetchRows, type ResultColumn } from "./query-api";
import { typeCategory, TYPE_ICON } from "./type-icons";

ModuleRegistry.registerModules([AllCommunityModule]);

const PAGE = 200;
const ROW_HEIGHT = 28;
const MAX_HEIGHT = 340;

/** AG Grid in the studio's colours (CSS variables, so the dark theme follows by itself). */
const theme = themeQuartz.withParams({
  backgroundColor: "var(--panel)",
  foregroundColor: "var(--text)",
  borderColor: "var(--border)",
  headerBackgroundColor: "var(--panel-2)",
  accentColor: "var(--accent)",
  oddRowBackgroundColor: "var(--bg)",
  fontFamily: "var(--mono)",
  fontSize: 12,
  headerFontFamily: "var(--font)",
  rowHeight: ROW_HEIGHT,
  headerHeight: 32,
});

// Module constants: a new object per render would make the grid re-apply its columns.
const DEFAULT_COL_DEF: ColDef = {
  sortable: true,
  resizable: true,
  minWidth: 90,
  filterParams: { maxNumConditions: 1, buttons: ["apply", "reset"] },
};

/** A small result gets a small grid; a large one scrolls inside 340 px. */
function gridHeight(rowCount: number | null): number {
  if (rowCount === null) return MAX_HEIGHT;
  return Math.min(MAX_HEIGHT, 32 + ROW_HEIGHT * Math.max(1, rowCount) + 18);
}

/**
 * A kept result, paged from the server as the grid scrolls (infinite row model): sort and
 * filter go to the rows endpoint, so they apply to the whole result, not just what is loaded.
 */
export function ResultGrid({
  runId,
  columns,
  rowCount,
  label,
}: {
  runId: string;
  columns: ResultColumn[];
  rowCount: number | null;
  label: string;
}) {
  const columnDefs = useMemo<ColDef[]>(
    () => columns.map((column, i) => columnDef(column, i)),
    [columns],
  );
  const [failure, setFailure] = useState<string | null>(null);
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (params) => {
        const sort = params.sortModel.map((s) => ({
          column: columns[Number(s.colId.slice(1))].name,
          direction: s.sort,
        }));
        const filter = Object.keys(params.filterModel ?? {}).length
          ? byName(params.filterModel as Record<string, unknown>, columns)
          : null;
        fetchRows(runId, {
          offset: params.startRow,
          limit: params.endRow - params.startRow,
          sort,
          filter,
        })
          .then((page) => {
            const rows = page.rows.map((row) =>
              Object.fromEntries(row.map((value, i) => [`c${i}`, value])),
            );
            // While rows still stream in, the end is unknown: the grid is remounted when the run completes.
            const known = page.complete
              ? (page.total ?? (sort.length === 0 && !filter ? rowCount : null))
              : null;
            const last =
              known ??
              (rows.length < params.endRow - params.startRow ? params.startRow + rows.length : -1);
            params.successCallback(rows, last);
            setFailure((current) => (current === null ? current : null));
          })
          .catch((error: Error) => {
            setFailure(error.message);
            params.failCallback();
          });
      },
    }),
    [runId, columns, rowCount],
  );
  return (
    <>
      {failure && (
        <p className="field-error" role="alert">
          Rows could not be loaded: {failure}
        </p>
      )}
      <section
        className="result-grid"
        aria-label={label}
        data-testid="result-grid"
        style={{ height: gridHeight(rowCount) }}
      >
        <AgGridReact
          theme={theme}
          columnDefs={columnDefs}
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={PAGE}
          maxBlocksInCache={100}
          infiniteInitialRowCount={Math.min(rowCount ?? PAGE, PAGE)}
          enableCellTextSelection
          ensureDomOrder
          defaultColDef={DEFAULT_COL_DEF}
          onGridReady={(e: GridReadyEvent) => e.api.autoSizeAllColumns()}
          onCellKeyDown={(e) => {
            const key = e.event as KeyboardEvent | undefined;
            if (
              key &&
              (key.ctrlKey || key.metaKey) &&
              key.key === "c" &&
              "value" in e &&
              !window.getSelection()?.toString()
            ) {
              void navigator.clipboard?.writeText(text(e.value)).catch(() => undefined);
            }
          }}
        />
      </section>
    </>
  );
}

function columnDef(column: ResultColumn, i: number): ColDef {
  const category = typeCategory(column.type);
  return {
    colId: `c${i}`,
    field: `c${i}`,
    headerName: `${TYPE_ICON[category]} ${column.name}`,
    headerTooltip: `${column.name} (${column.type})`,
    headerClass: `type-${category}`,
    cellClass: category === "number" ? "cell-num" : undefined,
    filter:
      category === "number"
        ? "agNumberColumnFilter"
        : category === "text"
          ? "agTextColumnFilter"
          : category === "temporal"
            ? "agDateColumnFilter"
            : false,
    // undefined: the row's page has not arrived yet; null: SQL NULL.
    valueFormatter: (p) => (p.value === undefined ? "" : p.value === null ? "NULL" : text(p.value)),
  };
}

/** The grid keys filters by column id; the server wants column names. */
function byName(model: Record<string, unknown>, columns: ResultColumn[]): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(model).map(([colId, condition]) => [
      columns[Number(colId.slice(1))].name,
      condition,
    ]),
  );
}

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
