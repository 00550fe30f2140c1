/**
 * Sorted and filtered copies of a large kept result. The grid asks for page after page in
 * the same order; each page of a 6M-row result re-sorted costs about a second. The first
 * such request is answered directly (top-N) and starts writing the ordered rows to a
 * Parquet file of their own beside the result (`<run>.parquet.views/<key>.parquet`), one
 * at a time; the pages after it are read from that file like the result itself. Views go
 * when the result expires.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { quoteString } from "@/lib/iceberg/duckdb";
import { log } from "@/lib/log";
import type { ParamValue } from "../types";
import { values } from "./engine-connection";
import type { ResultStore } from "./result-store";

export interface ViewRequest {
  /** The kept result file. */
  file: string;
  /** What makes the view: its sort and filter, as text. */
  key: string;
  /** `SELECT … FROM read_parquet(file) WHERE … ORDER BY …` and its parameters. */
  select: string;
  params: ParamValue[];
}

export class ResultViews {
  /** Results smaller than this are sorted per request (fast enough). */
  minRows = 200_000;
  private building?: Promise<void>;

  constructor(private readonly store: ResultStore) {}

  /** The view's file when it is ready; otherwise undefined, and it is made if nothing else is being made. */
  ready(request: ViewRequest): string | undefined {
    const file = viewFileOf(request.file, request.key);
    if (existsSync(file)) return file;
    if (!this.building) {
      this.building = this.write(request, file)
        .catch((error: unknown) => log.warn("query.result.view", { error }))
        .finally(() => {
          this.building = undefined;
        });
    }
    return undefined;
  }

  /** Settles when the view being made (if any) is written: benchmarks. */
  async idle(): Promise<void> {
    await this.building;
  }

  private async write(request: ViewRequest, file: string): Promise<void> {
    mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.partial`;
    try {
      await this.store.withConnection((c) => c.run(`COPY (${request.select}) TO ${quoteString(partial)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)`, values(request.params)));
      // The result may have expired meanwhile.
      if (existsSync(request.file)) renameSync(partial, file);
    } finally {
      rmSync(partial, { force: true });
    }
  }
}

export function viewsDirOf(resultFile: string): string {
  return `${resultFile}.views`;
}

function viewFileOf(resultFile: string, key: string): string {
  return path.join(viewsDirOf(resultFile), `${createHash("sha256").update(key).digest("hex").slice(0, 32)}.parquet`);
}
