import type { ReactNode } from "react";

export function PageHeader({ title, summary, actions }: { title: string; summary?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {summary && (
          <p className="muted" style={{ margin: 0 }}>
            {summary}
          </p>
        )}
      </div>
      {actions && <div className="row">{actions}</div>}
    </div>
  );
}
