/** Shapes the notebook UI works with (server data arrives in these; lib types by type import only). */
import type { CellData, ChartConfig, ChartType, NotebookDetail, NotebookSummary, ParameterValue, ShareEntry } from "@/lib/notebooks";

export type { CellData, ChartConfig, ChartType, NotebookDetail, NotebookSummary, ParameterValue, ShareEntry };

export type CompletionObjectKind = "catalog" | "namespace" | "table" | "view" | "external" | "federated";

/** A catalog object the editor may suggest. `path` is every level: catalog parts, namespace levels, name. */
export interface CompletionItem {
  kind: CompletionObjectKind;
  name: string;
  comment: string | null;
  path: string[];
  catalog: string;
  namespace: string[];
}

export interface CompletionColumn {
  name: string;
  type: string;
  comment: string | null;
}

export type Permission = "owner" | "edit" | "view";
