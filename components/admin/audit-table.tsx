export interface AuditRow {
  id: string;
  at: Date;
  actorName: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  details: Record<string, unknown>;
}

const OUTCOME_BADGE: Record<string, string> = { ok: "ok", denied: "danger", failed: "warn" };

/** The newest audit events, filterable by action prefix and actor (a plain GET form). */
export function AuditTable({ events, filter }: { events: AuditRow[]; filter: { action: string; actor: string } }) {
  return (
    <div className="stack">
      <form className="row" method="get">
        <input name="action" placeholder="Action starts with… (user., auth.)" defaultValue={filter.action} aria-label="Filter by action" />
        <input name="actor" placeholder="Actor" defaultValue={filter.actor} aria-label="Filter by actor" />
        <button type="submit">Filter</button>
      </form>
      <div className="panel">
        {events.length === 0 ? (
          <div className="empty">No events match.</div>
        ) : (
          <table className="data" aria-label="Audit events">
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>Action</th>
                <th>Outcome</th>
                <th>Details</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td className="muted" style={{ whiteSpace: "nowrap" }}>
                    {e.at.toISOString().replace("T", " ").slice(0, 19)}
                  </td>
                  <td>{e.actorName}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>
                    <span className={`badge ${OUTCOME_BADGE[e.outcome] ?? ""}`}>{e.outcome}</span>
                  </td>
                  <td className="muted">
                    <code>{JSON.stringify(e.details)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
