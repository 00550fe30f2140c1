/**
 * Big-endian two's-complement bytes for decimals' unscaled values: Avro stores them in
 * a fixed of the precision's size, single-value binary in the fewest bytes.
 */

/** Fewest bytes that hold every unscaled value of a decimal of this precision. */
export function decimalRequiredBytes(precision: number): number {
  const limit = 10n ** BigInt(precision);
  let bytes = 1;
  while (2n ** BigInt(8 * bytes - 1) < limit) bytes++;
  return bytes;
}

export function bytesToUnscaled(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  const negative = (bytes[0] & 0x80) !== 0;
  return negative ? value - (1n << BigInt(8 * bytes.length)) : value;
}

/** Minimal bytes when `size` is omitted, else sign-extended to exactly `size` bytes. */
export function unscaledToBytes(value: bigint, size?: number): Uint8Array {
  const length = size ?? minimalLength(value);
  const out = new Uint8Array(length);
  let rest = value;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  if (bytesToUnscaled(out) !== value) throw new RangeError(`${value} does not fit in ${length} bytes`);
  return out;
}

function minimalLength(value: bigint): number {
  let length = 1;
  while (value >= 1n << BigInt(8 * length - 1) || value < -(1n << BigInt(8 * length - 1))) length++;
  return length;
}
