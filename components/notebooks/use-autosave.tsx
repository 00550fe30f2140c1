"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type SaveStatus = "saved" | "pending" | "saving" | "error";

interface Job {
  save: () => Promise<unknown>;
  timer: ReturnType<typeof setTimeout> | null;
  running: Promise<void> | null;
  /** Changed again while a save was running: save once more when it ends. */
  again: boolean;
  failed: boolean;
}

/**
 * Debounced saving, one queue per key ("cell:<id>", "title", "params"): at most one save in
 * flight per key, and a change during a save triggers another one afterwards, so the last
 * keystroke is always written and writes never overtake each other. Each save reads the
 * latest value itself (from a ref), so nothing typed between scheduling and saving is lost.
 */
export function useAutosave(delayMs = 600) {
  const jobs = useRef(new Map<string, Job>());
  const [status, setStatus] = useState<SaveStatus>("saved");
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    const all = [...jobs.current.values()];
    if (all.some((j) => j.failed && !j.running && !j.timer)) setStatus("error");
    else if (all.some((j) => j.running)) setStatus("saving");
    else if (all.some((j) => j.timer)) setStatus("pending");
    else setStatus("saved");
  }, []);

  const run = useCallback(
    (key: string, job: Job): Promise<void> => {
      job.timer = null;
      if (job.running) {
        job.again = true;
        return job.running;
      }
      job.running = (async () => {
        try {
          await job.save();
          job.failed = false;
          setError(null);
        } catch (e) {
          job.failed = true;
          setError((e as Error).message);
        } finally {
          job.running = null;
          if (job.again) {
            job.again = false;
            void run(key, job);
          }
          refresh();
        }
      })();
      refresh();
      return job.running;
    },
    [refresh],
  );

  const schedule = useCallback(
    (key: string, save: () => Promise<unknown>) => {
      const job = jobs.current.get(key) ?? { save, timer: null, running: null, again: false, failed: false };
      job.save = save;
      jobs.current.set(key, job);
      if (job.timer) clearTimeout(job.timer);
      job.timer = setTimeout(() => void run(key, job), delayMs);
      refresh();
    },
    [delayMs, refresh, run],
  );

  /** Saves everything now (before running, leaving, or on "Retry"). */
  const flush = useCallback(async () => {
    const pending = [...jobs.current.entries()].filter(([, j]) => j.timer || j.failed || j.running);
    await Promise.all(pending.map(([key, job]) => (job.timer || job.failed ? run(key, job) : job.running)));
  }, [run]);

  /** Drops a key's queued save (its object was deleted). */
  const forget = useCallback(
    (key: string) => {
      const job = jobs.current.get(key);
      if (job?.timer) clearTimeout(job.timer);
      jobs.current.delete(key);
      refresh();
    },
    [refresh],
  );

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if ([...jobs.current.values()].some((j) => j.timer || j.running || j.failed)) {
        void flush();
        event.preventDefault();
      }
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [flush]);

  return { status, error, schedule, flush, forget };
}

export function SaveIndicator({ status, error, onRetry }: { status: SaveStatus; error: string | null; onRetry: () => void }) {
  const text = { saved: "All changes saved", pending: "Unsaved changes…", saving: "Saving…", error: "Not saved" }[status];
  return (
    <span className={`save-status save-${status}`} role="status" aria-live="polite" data-status={status}>
      {text}
      {status === "error" && (
        <>
          {error ? `: ${error}` : ""}{" "}
          <button type="button" className="link" onClick={onRetry}>
            Retry
          </button>
        </>
      )}
    </span>
  );
}
