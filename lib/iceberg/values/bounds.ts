import { ValueError } from "./errors";
import { parsePrimitive } from "./primitive";

/**
 * Truncated bounds, for writers of column metrics (Java's default keeps 16 characters or
 * bytes). A truncated lower bound is a prefix, so it is ≤ every value it stands for; a
 * truncated upper bound is "rounded up" — the prefix with its last code point (or byte)
 * incremented — so it is ≥ every value it stands for. When nothing can be incremented
 * (all U+10FFFF, all 0xFF) there is no upper bound: `null`.
 */

export function truncateLowerBound<T extends string | Uint8Array>(
  type: string,
  value: T,
  width: number,
): T {
  checkTruncatable(type);
  if (typeof value === "string") return truncateCodePoints(value, width) as T;
  return value.subarray(0, width) as T;
}

export function truncateUpperBound<T extends string | Uint8Array>(
  type: string,
  value: T,
  width: number,
): T | null {
  checkTruncatable(type);
  if (typeof value === "string") return roundUpString(value, width) as T | null;
  return roundUpBytes(value as Uint8Array, width) as T | null;
}

function checkTruncatable(type: string): void {
  const kind = parsePrimitive(type).kind;
  if (kind !== "string" && kind !== "binary") {
    throw new ValueError("unsupported", `Bounds of ${type} are never truncated`, type);
  }
}

/** The first `width` code points of `s` (a surrogate pair is one code point). */
export function truncateCodePoints(s: string, width: number): string {
  let end = 0;
  for (let n = 0; n < width && end < s.length; n++) {
    end += (s.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
  }
  return s.slice(0, end);
}

const MAX_CODE_POINT = 0x10ffff;

function roundUpString(value: string, width: number): string | null {
  const points = Array.from(truncateCodePoints(value, width + 1));
  if (points.length <= width) return value;
  points.length = width;
  while (points.length > 0) {
    const last = points.pop()?.codePointAt(0) ?? MAX_CODE_POINT;
    if (last < MAX_CODE_POINT) {
      // U+D800–U+DFFF are not characters: step over them
      const next = last + 1 === 0xd800 ? 0xe000 : last + 1;
      return points.join("") + String.fromCodePoint(next);
    }
  }
  return null;
}

function roundUpBytes(value: Uint8Array, width: number): Uint8Array | null {
  if (value.length <= width) return value;
  for (let end = width; end > 0; end--) {
    if (value[end - 1] !== 0xff) {
      const out = value.slice(0, end);
      out[end - 1]++;
      return out;
    }
  }
  return null;
}
