/**
 * Avro's zig-zag variable-length longs, for the block headers of container files
 * (object count and byte size). Record contents are left to avsc.
 */

export function readVarLong(bytes: Uint8Array, offset: number): { value: number; offset: number } {
  let result = 0n;
  let shift = 0n;
  let pos = offset;
  for (;;) {
    if (pos >= bytes.length) throw new RangeError("truncated variable-length long");
    const byte = bytes[pos++];
    result |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) break;
    shift += 7n;
    if (shift > 63n) throw new RangeError("variable-length long is too long");
  }
  const decoded = (result >> 1n) ^ -(result & 1n);
  return { value: Number(decoded), offset: pos };
}

export function writeVarLong(value: number): Uint8Array {
  let zigzag = BigInt(value) >= 0n ? BigInt(value) << 1n : (-BigInt(value) << 1n) - 1n;
  const out: number[] = [];
  while (zigzag >= 0x80n) {
    out.push(Number(zigzag & 0x7fn) | 0x80);
    zigzag >>= 7n;
  }
  out.push(Number(zigzag));
  return Uint8Array.from(out);
}
