/**
 * The audit log: who did what to which object, and whether it was allowed.
 * Write it in the same transaction as the change it describes, so neither exists alone.
 */
import type { Db } from "@/lib/db";
import { redact } from "@/lib/log";

export type AuditOutcome = "ok" | "denied" | "failed";

/** The part of a Prisma client (or transaction) the audit log needs. */
type AuditWriter = Pick<Db, "auditEvent">;

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string;
  outcome?: AuditOutcome;
  details?: Record<string, unknown>;
}

/** Who acted: a principal, or just a name for attempts by nobody signed in (a failed sign-in). */
export interface AuditActor {
  username: string;
  userId: string | null;
}

export async function recordAudit(db: AuditWriter, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: actor.userId,
      actorName: actor.username,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      outcome: entry.outcome ?? "ok",
      details: JSON.stringify(redact(entry.details ?? {})),
    },
  });
}

export interface AuditQuery {
  action?: string;
  actorName?: string;
  limit?: number;
  before?: Date;
}

export async function listAuditEvents(db: Db, query: AuditQuery = {}) {
  const events = await db.auditEvent.findMany({
    where: {
      action: query.action ? { startsWith: query.action } : undefined,
      actorName: query.actorName,
      at: query.before ? { lt: query.before } : undefined,
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: Math.min(query.limit ?? 100, 500),
  });
  return events.map((e) => ({ ...e, details: JSON.parse(e.details) as Record<string, unknown> }));
}
