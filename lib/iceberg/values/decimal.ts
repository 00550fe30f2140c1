import { ValueError } from "./errors";

/**
 * Decimal helpers. A decimal value is its unscaled bigint; the scale comes from the type
 * (see value.ts), so `14.20` in `decimal(9,2)` is `1420n`.
 */

/** Minimum-length two's-complement big-endian bytes (binary bounds, bucket hashing). */
export function toMinTwosComplement(unscaled: bigint): Uint8Array {
  let length = 1;
  while (!fitsSignedBytes(unscaled, length)) length++;
  const bytes = new Uint8Array(length);
  let rest = BigInt.asUintN(length * 8, unscaled);
  for (let i = length - 1; i >= 0; i--) {
    bytes[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return bytes;
}

function fitsSignedBytes(v: bigint, length: number): boolean {
  const half = 1n << BigInt(length * 8 - 1);
  return v >= -half && v < half;
}

/** Reads two's-complement big-endian bytes of any length (Avro fixed pads with the sign). */
export function fromTwosComplement(bytes: Uint8Array): bigint {
  if (bytes.length === 0) {
    throw new ValueError("invalid-encoding", "An empty byte string is not a decimal", "decimal");
  }
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return BigInt.asIntN(bytes.length * 8, v);
}

/**
 * The spec's string form: digits after the point say the scale ("14.20"); a negative scale
 * uses an exponent equal to the negated scale ("2E+20").
 */
export function formatDecimal(unscaled: bigint, scale: number): string {
  if (scale < 0) return `${unscaled}E+${-scale}`;
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, "0");
  const sign = negative ? "-" : "";
  if (scale === 0) return sign + digits;
  return `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parses "12.30", "-0.05", "2E+20", "1.2e3" into an unscaled value and the scale it was written with. */
export function parseDecimal(text: string): { unscaled: bigint; scale: number } {
  const m = DECIMAL_TEXT.exec(text.trim());
  const whole = m?.[2] ?? "";
  const fraction = m?.[3] ?? "";
  if (!m || whole.length + fraction.length === 0) {
    throw new ValueError("invalid-encoding", `"${text}" is not a decimal number`, "decimal");
  }
  const unscaled = BigInt(`${m[1]}${whole}${fraction}` || "0");
  return { unscaled, scale: fraction.length - Number(m[4] ?? 0) };
}

/** Re-expresses an unscaled value at another scale; throws when that would lose digits. */
export function rescale(unscaled: bigint, fromScale: number, toScale: number): bigint {
  if (toScale >= fromScale) return unscaled * 10n ** BigInt(toScale - fromScale);
  const divisor = 10n ** BigInt(fromScale - toScale);
  if (unscaled % divisor !== 0n) {
    throw new ValueError(
      "invalid-value",
      `${formatDecimal(unscaled, fromScale)} has more than ${toScale} digits after the point`,
      "decimal",
    );
  }
  return unscaled / divisor;
}

/** Number of decimal digits of the unscaled value (its precision). */
export function decimalDigits(unscaled: bigint): number {
  return (unscaled < 0n ? -unscaled : unscaled).toString().length;
}
