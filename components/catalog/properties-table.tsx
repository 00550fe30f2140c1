/** Properties, read-only: key and value, sorted by key. */
export function PropertiesTable({ properties, label }: { properties: Record<string, string>; label: string }) {
  const entries = Object.entries(properties).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="panel">
      {entries.length === 0 ? (
        <div className="empty">No properties.</div>
      ) : (
        <table className="data compact" aria-label={label}>
          <thead>
            <tr>
              <th>Property</th>
              <th>Value</th>
            </tr>
          </thead>
          <tbody>
            {entries.map(([key, value]) => (
              <tr key={key} data-property={key}>
                <td>
                  <code>{key}</code>
                </td>
                <td style={{ wordBreak: "break-all" }}>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
