/** View properties with a meaning (Java's `ViewProperties`). */

/** How many versions a view keeps; older ones expire on the next commit. */
export const VERSION_HISTORY_SIZE = "version.history.num-entries";
export const VERSION_HISTORY_SIZE_DEFAULT = 10;

/** When true, a replace may drop a dialect the previous version had. */
export const REPLACE_DROP_DIALECT_ALLOWED = "replace.drop-dialect.allowed";
/** When true, a replace keeps the previous version's SQL of dialects the new version lacks. */
export const REPLACE_APPEND_DIALECT_ALLOWED = "replace.append-dialect.allowed";

export const VIEW_COMMENT = "comment";

export function booleanProperty(properties: Record<string, string>, key: string): boolean {
  return properties[key]?.toLowerCase() === "true";
}

export function intProperty(
  properties: Record<string, string>,
  key: string,
  fallback: number,
): number {
  const text = properties[key];
  if (text === undefined) return fallback;
  const value = Number(text);
  return Number.isInteger(value) ? value : Number.NaN;
}
