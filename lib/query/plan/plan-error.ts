/**
 * A statement the person has to change: refused, unknown name, bad parameter. The
 * message is for them; `position` (a UTF-16 offset into the statement they typed) lets
 * the editor put a marker there. `internal` is for the log only.
 */
import { AppError } from "@/lib/errors";

export class PlanError extends AppError {
  override name = "PlanError";
  readonly position?: number;

  constructor(message: string, position?: number, opts: { internal?: string; cause?: unknown } = {}) {
    super("bad_request", message, opts);
    this.position = position;
  }
}

/** A construct the sandbox does not run: the message names it (STYLE.md: errors a person can act on). */
export function refused(construct: string, why: string, position?: number): PlanError {
  return new PlanError(`${construct} is not allowed: ${why}`, position);
}
