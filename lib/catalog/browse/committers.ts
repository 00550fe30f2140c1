/**
 * Who changed a table, from the audit log: each commit is recorded with the snapshot it
 * made (lib/catalog/commit.ts), so a snapshot's committer is the actor of that event.
 *
 * The audit log has no index on its target yet: this reads the newest events of the
 * table through the `at` index. An index on (targetType, targetId, at) would make it a
 * range read whatever the size of the log.
 */
import type { Db } from "@/lib/db";

export interface TableEvent {
  at: Date;
  by: string;
  action: string;
  what: string | null;
  snapshotId: string | null;
}

const EVENTS_READ = 2000;

export async function tableEvents(db: Db, tableId: string): Promise<TableEvent[]> {
  const rows = await db.auditEvent.findMany({
    where: { targetType: "table", targetId: tableId, outcome: "ok" },
    orderBy: { at: "desc" },
    take: EVENTS_READ,
    select: { at: true, actorName: true, action: true, details: true },
  });
  return rows.map((row) => {
    const details = parseDetails(row.details);
    return {
      at: row.at,
      by: row.actorName,
      action: row.action,
      what: typeof details.what === "string" ? details.what : null,
      snapshotId: typeof details.snapshot === "string" ? details.snapshot : null,
    };
  });
}

/**
 * The event that made each snapshot. Every commit names the table's current snapshot —
 * a property change names the one it kept, a rollback an old one — so the maker is the
 * oldest event naming it (events come newest first).
 */
export function committersBySnapshot(events: TableEvent[]): Map<string, TableEvent> {
  const bySnapshot = new Map<string, TableEvent>();
  for (const event of events) if (event.snapshotId) bySnapshot.set(event.snapshotId, event);
  return bySnapshot;
}

function parseDetails(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
