import { AppError } from "@/lib/errors";
import { OPERATIONS, type Operation } from "./operations";
import type { Principal } from "./principal";

/** A decision and why: the reasons are what "why can X do this" shows. */
export interface Decision {
  allowed: boolean;
  operation: Operation;
  reasons: string[];
}

/**
 * What an operation is about, when it is about something: the permissions issue decides
 * by grants on these; today role rules decide and the resource is carried for the audit.
 */
export type Resource =
  | { kind: "catalog"; catalog: string }
  | { kind: "namespace"; catalog: string; namespace: string[] }
  | { kind: "table"; catalog: string; namespace: string[]; table: string };

/** The one door: every read and write path asks here. */
export function authorize(principal: Principal | null, operation: Operation, _resource?: Resource): Decision {
  if (!principal) return { allowed: false, operation, reasons: ["not signed in"] };
  const rule = OPERATIONS[operation];
  const roles: readonly string[] = rule.roles;
  if (roles.includes(principal.role)) {
    return { allowed: true, operation, reasons: [`role ${principal.role} may ${rule.describe}`] };
  }
  return {
    allowed: false,
    operation,
    reasons: [`role ${principal.role} may not ${rule.describe} (needs ${rule.roles.join(" or ")})`],
  };
}

export function describeOperation(operation: Operation): string {
  return OPERATIONS[operation].describe;
}

/** Throws a person-readable AppError unless the principal may perform the operation. */
export function requireAuthorized(principal: Principal | null, operation: Operation, resource?: Resource): Decision {
  const decision = authorize(principal, operation, resource);
  if (decision.allowed) return decision;
  if (!principal) throw new AppError("unauthenticated", "Please sign in first.");
  throw new AppError("forbidden", `You do not have permission to ${describeOperation(operation)}.`, {
    internal: decision.reasons.join("; "),
  });
}
