/**
 * MurmurHash3, x86 32-bit variant — the hash of Iceberg's bucket transform (spec
 * Appendix B). Returns a signed int32, as Java does. Written from the public algorithm:
 * 4-byte little-endian blocks, a tail, then the finalization mix.
 */
const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

export function murmur3x86_32(bytes: Uint8Array, seed = 0): number {
  let h = seed | 0;
  const blocks = bytes.length >>> 2;
  for (let i = 0; i < blocks; i++) {
    const at = i * 4;
    const k = bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24);
    h ^= scramble(k);
    h = rotl(h, 13);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= scramble(tail(bytes, blocks * 4));
  h ^= bytes.length;
  return finalMix(h);
}

function tail(bytes: Uint8Array, from: number): number {
  let k = 0;
  for (let i = bytes.length - 1; i >= from; i--) k = (k << 8) | bytes[i];
  return k;
}

function scramble(k: number): number {
  return Math.imul(rotl(Math.imul(k, C1), 15), C2);
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function finalMix(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x | 0;
}
