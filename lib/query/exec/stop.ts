/**
 * Why a run was stopped before it ended by itself. It is the abort reason of the run's
 * signal, so whatever is waiting (the queue, a setup step, a command, DuckDB through
 * `interrupt()`) sees the same one.
 */
export type StopKind = "cancelled" | "timeout" | "shutdown" | "skipped";

export class RunStopped extends Error {
  override name = "RunStopped";

  constructor(
    readonly kind: StopKind,
    message: string,
  ) {
    super(message);
  }

  static cancelled(): RunStopped {
    return new RunStopped("cancelled", "Cancelled.");
  }

  static timeout(limitMs: number): RunStopped {
    return new RunStopped("timeout", `The statement ran longer than its time limit of ${formatDuration(limitMs)} and was stopped.`);
  }

  static shutdown(): RunStopped {
    return new RunStopped("shutdown", "The server stopped while this statement ran.");
  }

  static skipped(reason: string): RunStopped {
    return new RunStopped("skipped", reason);
  }
}

export function isRunStopped(error: unknown): error is RunStopped {
  return error instanceof RunStopped;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${Math.round(ms / 100) / 10} s`;
  const minutes = ms / 60_000;
  return `${Math.round(minutes * 10) / 10} min`;
}
