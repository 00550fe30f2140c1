/**
 * Tiny benchmark harness. Figures are printed, never asserted: these machines are shared
 * and noisy, so every target is a ratio against a baseline measured in the same run.
 */
export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
}

export async function time(fn: () => Promise<unknown> | unknown, opts: { warmup?: number; runs?: number } = {}): Promise<Timing> {
  for (let i = 0; i < (opts.warmup ?? 1); i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < (opts.runs ?? 5); i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { runs: sorted.length, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), minMs: round(sorted[0]) };
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** One line a figure, with the goal beside it, and a JSON line for machines. */
export function report(bench: string, figures: Record<string, number | string>, goals: Record<string, string> = {}): void {
  console.log(`\n# ${bench}`);
  for (const [key, value] of Object.entries(figures)) console.log(`  ${key.padEnd(34)} ${String(value).padStart(12)}${goals[key] ? `   (goal ${goals[key]})` : ""}`);
  console.log(`BENCH ${JSON.stringify({ bench, ...figures })}`);
}
