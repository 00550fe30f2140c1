/**
 * Decoding the portable serialisation of Roaring bitmaps
 * (https://github.com/RoaringBitmap/RoaringFormatSpec) into sorted [start, end) runs —
 * the 64-bit form Iceberg deletion vectors use: a count of 32-bit bitmaps, each preceded
 * by the high 32 bits of its values.
 */
const SERIAL_COOKIE_NO_RUNCONTAINER = 12346;
const SERIAL_COOKIE = 12347;
const NO_OFFSET_THRESHOLD = 4;
const MAX_ARRAY_CARDINALITY = 4096;

export type Runs = Array<[number, number]>;

export function decodeRoaring64(bytes: Uint8Array): Runs {
  const reader = new ByteReader(bytes);
  const count = Number(reader.u64());
  const runs: Runs = [];
  for (let i = 0; i < count; i++) {
    const high = reader.u32();
    decode32(reader, high * 2 ** 32, runs);
  }
  if (reader.remaining() !== 0) throw new Error("bytes left after the last bitmap");
  return runs;
}

function decode32(reader: ByteReader, base: number, runs: Runs): void {
  const cookie = reader.u32();
  const hasRuns = (cookie & 0xffff) === SERIAL_COOKIE;
  if (!hasRuns && cookie !== SERIAL_COOKIE_NO_RUNCONTAINER) {
    throw new Error(`unknown Roaring cookie ${cookie}`);
  }
  const size = hasRuns ? (cookie >>> 16) + 1 : reader.u32();
  const runFlags = hasRuns ? reader.bytes(Math.ceil(size / 8)) : undefined;
  const headers = Array.from({ length: size }, () => ({
    key: reader.u16(),
    card: reader.u16() + 1,
  }));
  if (!hasRuns || size >= NO_OFFSET_THRESHOLD) reader.skip(4 * size); // offsets: we read in order
  headers.forEach(({ key, card }, i) => {
    const offset = base + key * 0x10000;
    const isRun = runFlags !== undefined && (runFlags[i >> 3] & (1 << (i & 7))) !== 0;
    if (isRun) readRunContainer(reader, offset, runs);
    else if (card <= MAX_ARRAY_CARDINALITY) readArrayContainer(reader, offset, card, runs);
    else readBitmapContainer(reader, offset, runs);
  });
}

function readRunContainer(reader: ByteReader, offset: number, runs: Runs): void {
  const count = reader.u16();
  for (let i = 0; i < count; i++) {
    const start = reader.u16();
    const lengthMinusOne = reader.u16();
    addRun(runs, offset + start, offset + start + lengthMinusOne + 1);
  }
}

function readArrayContainer(reader: ByteReader, offset: number, card: number, runs: Runs): void {
  for (let i = 0; i < card; i++) {
    const value = offset + reader.u16();
    addRun(runs, value, value + 1);
  }
}

function readBitmapContainer(reader: ByteReader, offset: number, runs: Runs): void {
  const words = reader.bytes(8192);
  for (let bit = 0; bit < 65536; bit++) {
    if (words[bit >> 3] & (1 << (bit & 7))) addRun(runs, offset + bit, offset + bit + 1);
  }
}

/** Appends, merging with the previous run when adjacent (values arrive in order). */
function addRun(runs: Runs, start: number, end: number): void {
  const last = runs.at(-1);
  if (last && last[1] === start) last[1] = end;
  else runs.push([start, end]);
}

class ByteReader {
  private pos = 0;
  private readonly view: DataView;

  constructor(private readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  remaining(): number {
    return this.data.length - this.pos;
  }

  u16(): number {
    return this.view.getUint16(this.advance(2), true);
  }

  u32(): number {
    return this.view.getUint32(this.advance(4), true);
  }

  u64(): bigint {
    return this.view.getBigUint64(this.advance(8), true);
  }

  bytes(length: number): Uint8Array {
    const at = this.advance(length);
    return this.data.subarray(at, at + length);
  }

  skip(length: number): void {
    this.advance(length);
  }

  private advance(length: number): number {
    if (this.pos + length > this.data.length) throw new Error("Roaring bitmap ends early");
    const at = this.pos;
    this.pos += length;
    return at;
  }
}
