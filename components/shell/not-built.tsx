/** An honest placeholder for an area that has not been built yet: no fake data. */
export function NotBuilt({ title, summary, coming }: { title: string; summary: string; coming: string[] }) {
  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>{title}</h1>
          <p className="muted" style={{ margin: 0 }}>
            {summary}
          </p>
        </div>
      </div>
      <div className="notice" role="status">
        <strong>Not built yet.</strong> This area of Tarn is still being built; nothing here is real data.
        <p style={{ marginBottom: 0 }}>What it will do:</p>
        <ul style={{ marginBottom: 0 }}>
          {coming.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
