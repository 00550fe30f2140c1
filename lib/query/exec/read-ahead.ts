/**
 * A result's rows as they come, first into memory. A result that ends small is held
 * (held-result.ts) and never staged. One that grows past `maxRows`, or is still coming
 * after `maxMs`, moves into a spool (spool.ts) so its first rows can be read while the
 * rest arrives, and goes on into it. Streaming into a staging table costs a few ms that a
 * result of a few rows need not pay; a large one pays them once.
 */
import type { DuckDBDataChunk } from "@duckdb/node-api";
import { HeldResult } from "./held-result";
import type { LiveRun } from "./live-run";
import type { ResultStore } from "./result-store";
import type { ResultColumn } from "./run-types";
import { Spool, type SpoolColumn } from "./spool";

export interface ReadAheadLimits {
  maxRows: number;
  maxMs: number;
}

export class ReadAhead {
  private chunks: DuckDBDataChunk[] = [];
  private rows = 0;
  private spooling?: Promise<Spool>;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly store: ResultStore,
    private readonly run: LiveRun,
    private readonly columns: readonly SpoolColumn[],
    private readonly limits: ReadAheadLimits,
  ) {
    // A slow result shows its first rows after maxMs, even while DuckDB works on the next chunk.
    this.timer = setTimeout(() => this.startSpool(), limits.maxMs);
    this.timer.unref();
  }

  /** Takes the next chunk; true when it went into the spool (its memory can be reclaimed). */
  async add(chunk: DuckDBDataChunk): Promise<boolean> {
    if (!this.spooling) {
      this.chunks.push(chunk);
      this.rows += chunk.rowCount;
      if (this.rows <= this.limits.maxRows) return false;
      this.startSpool(); // with the chunks so far, this one included
      await this.spooling;
      return true;
    }
    const spool = await this.spooling;
    if (spool.append(chunk)) this.run.update({ rowCount: spool.visibleRows });
    return true;
  }

  /** Every row has come: the result held, or its spool with every row visible. */
  async finish(): Promise<HeldResult | Spool> {
    clearTimeout(this.timer);
    if (!this.spooling) {
      const held = new HeldResult(this.columns, this.chunks);
      this.run.update({ columns: this.resultColumns(), rowCount: held.rowCount });
      return held;
    }
    const spool = await this.spooling;
    if (spool.flush()) this.run.update({ rowCount: spool.visibleRows });
    return spool;
  }

  /** The result will not be used (an error, a stop): its spool, if any, goes. */
  async abandon(): Promise<void> {
    clearTimeout(this.timer);
    this.chunks = [];
    const spool = await this.spooling?.catch(() => undefined);
    if (this.run.spool === spool) this.run.update({ spool: undefined, rowCount: 0 });
    await spool?.drop().catch(() => {});
  }

  private resultColumns(): ResultColumn[] {
    return this.columns.map((c) => ({ name: c.name, type: c.type.toString() }));
  }

  private startSpool(): void {
    if (this.spooling) return;
    clearTimeout(this.timer);
    const buffered = this.chunks;
    this.chunks = [];
    this.spooling = Spool.of(this.store, this.run.id, this.columns, buffered).then((spool) => {
      this.run.update({ spool, columns: this.resultColumns(), rowCount: spool.visibleRows });
      return spool;
    });
    // Its failure is met where it is awaited (the next chunk, or the end).
    this.spooling.catch(() => {});
  }
}
