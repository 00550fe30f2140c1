/**
 * Calling server actions from client components. Actions return `{ ok, data | error }`;
 * `unwrap` turns an error result into a thrown ActionFailure for React Query, whose
 * message is already written for people.
 */
export type ActionErrorShape = { code: string; message: string; fieldErrors?: Record<string, string[]> };
export type ActionResultShape<T> = { ok: true; data: T } | { ok: false; error: ActionErrorShape };

export class ActionFailure extends Error {
  readonly code: string;
  readonly fieldErrors?: Record<string, string[]>;
  constructor(error: ActionErrorShape) {
    super(error.message);
    this.code = error.code;
    this.fieldErrors = error.fieldErrors;
  }
}

export async function unwrap<T>(result: Promise<ActionResultShape<T>>): Promise<T> {
  let settled: ActionResultShape<T>;
  try {
    settled = await result;
  } catch {
    throw new ActionFailure({ code: "unavailable", message: "Tarn could not be reached. Check your connection and try again." });
  }
  if (!settled.ok) {
    if (settled.error.code === "unauthenticated" && typeof window !== "undefined") {
      window.location.assign(`/signin?callbackUrl=${encodeURIComponent(window.location.pathname)}`);
    }
    throw new ActionFailure(settled.error);
  }
  return settled.data;
}

export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  return error instanceof ActionFailure ? (error.fieldErrors ?? {}) : {};
}
