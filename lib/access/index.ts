/**
 * Access control: the one door every read and write path goes through.
 *
 *   const decision = authorize(principal, "admin.users.manage");   // { allowed, reasons }
 *   requireAuthorized(principal, "admin.users.manage");             // throws AppError if not
 *   await recordAudit(tx, principal, { action: "user.create", targetId: id });
 *
 * Nothing else in Tarn decides whether someone may do something.
 */
export { type AuditEntry, type AuditOutcome, listAuditEvents, recordAudit } from "./audit";
export { authorize, type Decision, describeOperation, type Resource, requireAuthorized } from "./authorize";
export {
  authorizeNotebook,
  type NotebookAccess,
  type NotebookFacts,
  type NotebookShareFact,
  notebookVisibility,
  type SharePermission,
} from "./notebooks";
export { isOperation, OPERATIONS, type Operation } from "./operations";
export { authorizeQueryRun, type QueryRunAccess } from "./query-runs";
export { isRole, type Principal, ROLES, type Role, SYSTEM, type SystemPrincipal, type UserPrincipal } from "./principal";
export { authorizeTableRead, FULL_READ, isFullRead, type ReadPolicy, type TableResource } from "./table-read";
export { type CatalogVisibility, catalogVisibility } from "./visibility";
