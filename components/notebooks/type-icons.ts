/** A result column's type, by family, for header icons, filters and chart axes. */
export type TypeCategory = "number" | "text" | "temporal" | "boolean" | "nested" | "other";

export const TYPE_ICON: Record<TypeCategory, string> = { number: "#", text: "Aa", temporal: "◷", boolean: "◐", nested: "{}", other: "·" };

export function typeCategory(type: string): TypeCategory {
  const t = type.toUpperCase();
  if (/\[\]$|^(STRUCT|MAP|LIST|UNION|ARRAY)/.test(t)) return "nested";
  if (/^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL|NUMERIC|LONG)/.test(t)) return "number";
  if (/^(DATE|TIME|TIMESTAMP|INTERVAL)/.test(t)) return "temporal";
  if (/^(BOOLEAN|BOOL)/.test(t)) return "boolean";
  if (/^(VARCHAR|TEXT|STRING|CHAR|UUID|BLOB|ENUM|JSON)/.test(t)) return "text";
  return "other";
}
