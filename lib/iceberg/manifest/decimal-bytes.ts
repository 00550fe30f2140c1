/**
 * Avro stores a decimal's unscaled value in a `fixed` just big enough for its precision,
 * sign-extended (Java's `TypeUtil.decimalRequiredBytes`). Reading any length is
 * `fromTwosComplement` in `lib/iceberg/values`.
 */

/** Fewest bytes that hold every unscaled value of a decimal of this precision. */
export function decimalRequiredBytes(precision: number): number {
  const limit = 10n ** BigInt(precision);
  let bytes = 1;
  while (2n ** BigInt(8 * bytes - 1) < limit) bytes++;
  return bytes;
}

/** Big-endian two's complement of `unscaled` in exactly `size` bytes. */
export function toFixedTwosComplement(unscaled: bigint, size: number): Uint8Array {
  const half = 1n << BigInt(size * 8 - 1);
  if (unscaled < -half || unscaled >= half)
    throw new RangeError(`${unscaled} does not fit in ${size} bytes`);
  const out = new Uint8Array(size);
  let rest = BigInt.asUintN(size * 8, unscaled);
  for (let i = size - 1; i >= 0; i--) {
    out[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return out;
}
