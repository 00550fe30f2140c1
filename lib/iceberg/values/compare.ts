import { compareBytes } from "./bytes";
import { ValueError } from "./errors";
import { parsePrimitive } from "./primitive";
import type { PrimitiveValue } from "./value";

/**
 * Orders two non-null values of one primitive type, as Iceberg orders bounds:
 * - strings by Unicode code point (the same as comparing their UTF-8 bytes), not by the
 *   UTF-16 code units JS `<` uses;
 * - binary, fixed and uuid by unsigned bytes;
 * - float/double as Java's `Double.compare`: −Inf < … < −0 < +0 < … < +Inf < NaN. Bounds
 *   never hold NaN; predicates treat NaN separately (see expr/eval-row.ts).
 */
export function compareValues(type: string, a: PrimitiveValue, b: PrimitiveValue): number {
  const kind = parsePrimitive(type).kind;
  switch (kind) {
    case "boolean":
      return Number(a) - Number(b);
    case "int":
    case "date":
      return (a as number) - (b as number);
    case "float":
    case "double":
      return compareFloats(a as number, b as number);
    case "string":
      return compareCodePoints(a as string, b as string);
    case "uuid":
      // canonical lowercase hex: text order is byte order
      return a === b ? 0 : (a as string) < (b as string) ? -1 : 1;
    case "fixed":
    case "binary":
      return compareBytes(a as Uint8Array, b as Uint8Array);
    case "long":
    case "decimal":
    case "time":
    case "timestamp":
    case "timestamptz":
    case "timestamp_ns":
    case "timestamptz_ns":
      return a === b ? 0 : (a as bigint) < (b as bigint) ? -1 : 1;
    default:
      throw new ValueError("unsupported", `Values of ${kind} cannot be compared`, kind);
  }
}

/**
 * The comparison predicates use: `compareValues`, except that floats compare as numbers,
 * so −0 equals +0 (as in SQL engines; Parquet writers may record either zero as a bound).
 * NaN is never passed here: predicates decide NaN before comparing.
 */
export function comparePredicateValues(type: string, a: PrimitiveValue, b: PrimitiveValue): number {
  if (typeof a === "number" && typeof b === "number" && a === b) return 0;
  return compareValues(type, a, b);
}

export function valuesEqual(type: string, a: PrimitiveValue, b: PrimitiveValue): boolean {
  return compareValues(type, a, b) === 0;
}

export function compareFloats(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number(Number.isNaN(a)) - Number(Number.isNaN(b));
  if (a !== b) return a < b ? -1 : 1;
  if (a !== 0) return 0;
  // −0 sorts before +0
  return Number(!Object.is(a, -0)) - Number(!Object.is(b, -0));
}

/**
 * Code-point order over UTF-16 strings. Where the strings first differ, a surrogate (part
 * of a code point ≥ U+10000) must sort above U+E000–U+FFFF, which plain `<` gets wrong.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

/**
 * The order `java.util.UUID.compareTo` gives: each 64-bit half as a *signed* long. Java
 * writers before Iceberg 1.11 computed some uuid bounds this way, so evaluators must not
 * prune on uuid bounds unless both orders agree.
 */
export function compareUuidsSigned(a: string, b: string): number {
  const flip = (u: string) => {
    const hex = u.replaceAll("-", "");
    const signBit = (s: string) => (Number.parseInt(s[0], 16) ^ 8).toString(16) + s.slice(1);
    return signBit(hex.slice(0, 16)) + signBit(hex.slice(16));
  };
  const [x, y] = [flip(a), flip(b)];
  return x === y ? 0 : x < y ? -1 : 1;
}
