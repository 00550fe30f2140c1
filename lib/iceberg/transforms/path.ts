import { type PrimitiveValue, utf8 } from "../values";
import { toHumanString } from "./human";
import type { Transform } from "./transform";

/** What a partition path needs to know of one partition field. */
export interface PartitionPathField {
  name: string;
  transform: Transform | string;
  /** The source column's type: identity and truncate values print as that type. */
  sourceType: string;
}

/**
 * The Hive-style partition path of a tuple of partition values, as Java writes it:
 * `ts_hour=2017-12-01-10/id_bucket=6`. Names and values are URL-encoded
 * (`a/b` → `a%2Fb`, `"esc"#1` → `%22esc%22%231`). `values` are in spec field order.
 */
export function partitionPath(
  fields: readonly PartitionPathField[],
  values: readonly (PrimitiveValue | null)[],
): string {
  return fields
    .map((field, i) => {
      const text = toHumanString(field.transform, field.sourceType, values[i] ?? null);
      return `${escapePathPart(field.name)}=${escapePathPart(text)}`;
    })
    .join("/");
}

const UNRESERVED = /^[A-Za-z0-9.\-*_]$/;

/**
 * `java.net.URLEncoder.encode(s, UTF_8)`: letters, digits and `.-*_` stay, a space
 * becomes `+`, every other byte of the UTF-8 form becomes `%XX`.
 */
export function escapePathPart(text: string): string {
  let out = "";
  for (const ch of text) {
    if (UNRESERVED.test(ch)) out += ch;
    else if (ch === " ") out += "+";
    else for (const b of utf8(ch)) out += `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}
