/**
 * The one error for metadata that breaks the Iceberg spec.
 *
 * `path` names the offending field the way it appears in the JSON document, e.g.
 * `snapshots[1].snapshot-id` or `refs.main` (empty for the document itself), so a
 * message can be traced back to the file that produced it.
 */
export class IcebergValidationError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(path ? `${path}: ${problem}` : problem);
    this.name = "IcebergValidationError";
  }
}

/** Joins a JSON path and an object key: `snapshots[0]` + `summary` → `snapshots[0].summary`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}
