/** Drops keys whose value is undefined, so an absent field is absent, not present-undefined. */
export function omitUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
