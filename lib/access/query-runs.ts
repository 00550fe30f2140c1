/**
 * Who may see a query run (its status, SQL and error), read its kept rows, export them or
 * cancel it: the person who ran it, and admins. Role rules stay the floor
 * (`notebooks.use`). Callers answer a refusal exactly like a missing run, so run ids
 * cannot be probed.
 *
 *   const decision = authorizeQueryRun(principal, { userId: run.userId }, "read");
 */
import { authorize, type Decision } from "./authorize";
import type { Principal } from "./principal";

export type QueryRunAccess = "read" | "cancel";

export function authorizeQueryRun(principal: Principal | null, run: { userId: string }, access: QueryRunAccess): Decision {
  const floor = authorize(principal, "notebooks.use");
  if (!floor.allowed || !principal) return floor;
  if (principal.userId !== null && principal.userId === run.userId) {
    return { allowed: true, operation: floor.operation, reasons: ["ran the query"] };
  }
  if (principal.role === "admin") return { allowed: true, operation: floor.operation, reasons: [`admins may ${access} any query run`] };
  return { allowed: false, operation: floor.operation, reasons: [`did not run the query (only its author or an admin may ${access} it)`] };
}
