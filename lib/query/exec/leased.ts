/**
 * Running work on a slot, so that a stop really stops it and really frees the slot:
 * the run's signal interrupts DuckDB at once; work that has not settled a moment later
 * (stuck somewhere that does not check for interrupts) is abandoned together with its
 * instance, and the slot goes on with a fresh one.
 */
import type { LiveRun } from "./live-run";
import type { Lease, SlotPool } from "./slot-pool";

const GRACE_MS = 500;
const REPEAT_MS = 20;
const ABANDONED = Symbol("abandoned");

export interface LeaseHooks {
  onQueued: (position: number) => void;
  /** Called once the slot is ours, before the work starts. */
  onStarted: () => void;
}

export async function withLease<T>(pool: SlotPool, run: LiveRun, hooks: LeaseHooks, work: (lease: Lease) => Promise<T>): Promise<T> {
  const lease = await pool.acquire(run.signal, hooks.onQueued);
  // DuckDB forgets an interrupt that arrives before its query begins (each query starts
  // uninterrupted), so once stopped the connection is interrupted again until the work settles.
  let again: NodeJS.Timeout | undefined;
  const interrupt = () => {
    lease.connection.interrupt();
    again ??= setInterval(() => lease.connection.interrupt(), REPEAT_MS);
  };
  run.signal.addEventListener("abort", interrupt, { once: true });
  if (run.signal.aborted) interrupt();
  let working: Promise<T> | undefined;
  try {
    hooks.onStarted();
    working = work(lease);
    const result = await settleOrGiveUp(working, run.signal);
    if (result === ABANDONED) {
      lease.abandon(working);
      throw run.signal.reason;
    }
    lease.release();
    return result;
  } catch (error) {
    lease.release();
    throw error;
  } finally {
    clearInterval(again);
    run.signal.removeEventListener("abort", interrupt);
  }
}

/** The work's outcome, or ABANDONED when the signal fired and the work outlived the grace period. */
function settleOrGiveUp<T>(working: Promise<T>, signal: AbortSignal): Promise<T | typeof ABANDONED> {
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const giveUp = () => {
      timer = setTimeout(() => resolve(ABANDONED), GRACE_MS);
    };
    if (signal.aborted) giveUp();
    else signal.addEventListener("abort", giveUp, { once: true });
    working.then(
      (value) => {
        clearTimeout(timer);
        signal.removeEventListener("abort", giveUp);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        signal.removeEventListener("abort", giveUp);
        reject(error);
      },
    );
  });
}
