/**
 * The bounded pool: a fixed number of slots, each its own sandboxed DuckDB instance (so
 * the instance's memory limit is the query's), and a FIFO queue of statements waiting for
 * one. Each lease gets a fresh connection, so nothing a statement leaves on its
 * connection (temp tables of setup steps, prepared statements) reaches the next one.
 *
 * The sandbox of an instance cannot be widened once made. When the catalog knows a new
 * folder (a table registered in place), `widen()` starts a new generation: idle instances
 * are closed at once, busy ones when their statement gives the slot back; slots then
 * make new instances with the wider list on their next lease.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { covers, createSandboxedInstance } from "./sandbox";

export interface PoolSpec {
  size: number;
  queueMax: number;
  memoryLimit: string;
  threads: number;
  /** Parent of each instance's own spill folder. */
  tempDir: string;
  allowed: string[];
}

export interface Lease {
  readonly connection: DuckDBConnection;
  /** Gives the slot back; the connection is closed. Idempotent. */
  release(): void;
  /**
   * Gives the slot back at once on a new instance, leaving this one to finish work that
   * would not stop; it is closed when `settled` settles.
   */
  abandon(settled: Promise<unknown>): void;
}

interface Slot {
  index: number;
  busy: boolean;
  generation: number;
  instance?: Promise<OwnedInstance>;
}

interface OwnedInstance {
  duck: DuckDBInstance;
  tempDir: string;
}

interface Waiter {
  /** Undefined when the pool closes. */
  grant: (slot: Slot | undefined) => void;
  onPosition?: (position: number) => void;
}

let instanceCounter = 0;

export class SlotPool {
  private readonly slots: Slot[];
  private readonly waiting: Waiter[] = [];
  private allowed: string[];
  private generation = 0;
  private closed = false;
  private abandonedCount = 0;

  constructor(private readonly spec: PoolSpec) {
    this.slots = Array.from({ length: spec.size }, (_, index) => ({ index, busy: false, generation: 0 }));
    this.allowed = [...spec.allowed];
  }

  get size(): number {
    return this.slots.length;
  }

  get queueLength(): number {
    return this.waiting.length;
  }

  get busySlots(): number {
    return this.slots.filter((s) => s.busy).length;
  }

  /** Instances given up because their work did not stop when interrupted (should stay 0). */
  get abandoned(): number {
    return this.abandonedCount;
  }

  get allowedFolders(): readonly string[] {
    return this.allowed;
  }

  /**
   * A slot for one statement: at once when one is free and nobody waits, else after the
   * statements queued before it. `onPosition` hears the 1-based place in the queue as it
   * changes. An aborted signal takes the statement out of the queue.
   */
  async acquire(signal: AbortSignal, onPosition?: (position: number) => void): Promise<Lease> {
    signal.throwIfAborted();
    if (this.closed) throw new AppError("unavailable", "The query engine is shutting down.");
    const free = this.waiting.length === 0 ? this.slots.find((s) => !s.busy) : undefined;
    const slot = free ?? (await this.enqueue(signal, onPosition));
    slot.busy = true;
    return this.lend(slot, signal);
  }

  /** Starts a new sandbox generation if some folder is not covered yet; true when it did. */
  widen(folders: readonly string[]): boolean {
    if (covers(this.allowed, folders)) return false;
    this.allowed = [...new Set([...this.allowed, ...folders])];
    this.generation++;
    for (const slot of this.slots) if (!slot.busy) this.retire(slot);
    log.info("query.sandbox.widened", { folders: this.allowed.length, generation: this.generation });
    return true;
  }

  /** Refuses new work, fails the queue, closes idle instances (busy ones close on release). */
  close(): void {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.grant(undefined);
    for (const slot of this.slots) if (!slot.busy) this.retire(slot);
  }

  private enqueue(signal: AbortSignal, onPosition?: (position: number) => void): Promise<Slot> {
    if (this.waiting.length >= this.spec.queueMax) {
      throw new AppError("too_many_requests", `${this.waiting.length} queries are already waiting; try again in a moment.`);
    }
    return new Promise<Slot>((resolve, reject) => {
      const onAbort = () => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        this.announcePositions();
        reject(signal.reason);
      };
      const waiter: Waiter = {
        onPosition,
        grant: (slot) => {
          signal.removeEventListener("abort", onAbort);
          if (slot) resolve(slot);
          else reject(new AppError("unavailable", "The query engine is shutting down."));
        },
      };
      signal.addEventListener("abort", onAbort, { once: true });
      this.waiting.push(waiter);
      onPosition?.(this.waiting.length);
    });
  }

  private async lend(slot: Slot, signal: AbortSignal): Promise<Lease> {
    try {
      signal.throwIfAborted();
      const owned = await this.instanceOf(slot);
      const connection = await owned.duck.connect();
      return this.leaseOf(slot, owned, connection);
    } catch (error) {
      this.giveBack(slot);
      throw error;
    }
  }

  private leaseOf(slot: Slot, owned: OwnedInstance, connection: DuckDBConnection): Lease {
    let done = false;
    return {
      connection,
      release: () => {
        if (done) return;
        done = true;
        connection.closeSync();
        this.giveBack(slot);
      },
      abandon: (settled) => {
        if (done) return;
        done = true;
        this.abandonedCount++;
        if (slot.instance) slot.instance = undefined;
        const closeBoth = () => {
          connection.closeSync();
          closeInstance(owned);
        };
        settled.then(closeBoth, closeBoth);
        this.giveBack(slot);
      },
    };
  }

  private instanceOf(slot: Slot): Promise<OwnedInstance> {
    if (slot.instance && slot.generation !== this.generation) this.retire(slot);
    if (!slot.instance) {
      slot.generation = this.generation;
      const tempDir = path.join(this.spec.tempDir, `slot-${slot.index}-${++instanceCounter}`);
      const spec = { allowed: this.allowed, memoryLimit: this.spec.memoryLimit, threads: this.spec.threads, tempDir };
      const made = createSandboxedInstance(spec).then((duck) => ({ duck, tempDir }));
      made.catch(() => {
        if (slot.instance === made) slot.instance = undefined;
      });
      slot.instance = made;
    }
    return slot.instance;
  }

  private giveBack(slot: Slot): void {
    slot.busy = false;
    if (this.closed || slot.generation !== this.generation) this.retire(slot);
    const next = this.waiting.shift();
    if (next) {
      slot.busy = true;
      next.grant(slot);
      this.announcePositions();
    }
  }

  private retire(slot: Slot): void {
    const old = slot.instance;
    slot.instance = undefined;
    old?.then(closeInstance, () => {});
  }

  private announcePositions(): void {
    for (const [i, waiter] of this.waiting.entries()) waiter.onPosition?.(i + 1);
  }
}

function closeInstance(owned: OwnedInstance): void {
  try {
    owned.duck.closeSync();
  } finally {
    rmSync(owned.tempDir, { recursive: true, force: true });
  }
}
