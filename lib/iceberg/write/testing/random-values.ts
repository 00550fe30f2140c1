/**
 * Seeded random values of every Iceberg primitive type, in values/ representation, with
 * the edge values each type is known to trip over. Test support only.
 */
import type { PrimitiveValue } from "../../values";
import { parsePrimitive, uuidFromBytes } from "../../values";

export class Seeded {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32 */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  bigint(min: bigint, max: bigint): bigint {
    const span = max - min + 1n;
    const r =
      (BigInt(this.int(0, 2 ** 30)) << 34n) ^
      BigInt(this.int(0, 2 ** 30)) ^
      (BigInt(this.int(0, 15)) << 30n);
    return min + (r % span);
  }
  bytes(length: number): Uint8Array {
    return Uint8Array.from({ length }, () => this.int(0, 255));
  }
}

const MICROS_2262 = 9_214_646_400_000_000n; // about 2262-01-01: the TIMESTAMP_NS limit
const STRING_POOL = [
  "",
  "a",
  "Z",
  "é",
  "\u0303",
  "😀",
  "中",
  "\u{10FFFF}",
  "'",
  '"',
  "%",
  "/",
  " ",
  "=",
  "\uFFFF",
];

export function randomValue(type: string, r: Seeded): PrimitiveValue {
  const p = parsePrimitive(type);
  switch (p.kind) {
    case "boolean":
      return r.next() < 0.5;
    case "int":
      return r.int(-(2 ** 31), 2 ** 31 - 1);
    case "long":
      return r.bigint(-(2n ** 63n), 2n ** 63n - 1n);
    case "float":
      return Math.fround((r.next() - 0.5) * 10 ** r.int(-5, 30));
    case "double":
      return (r.next() - 0.5) * 10 ** r.int(-30, 300);
    case "decimal":
      return r.bigint(-(10n ** BigInt(p.precision)) + 1n, 10n ** BigInt(p.precision) - 1n);
    case "date":
      return r.int(-719_162, 2_932_896); // 0001-01-01 … 9999-12-31
    case "time":
      return r.bigint(0n, 86_400_000_000n - 1n);
    case "timestamp":
    case "timestamptz":
      return r.bigint(-62_135_596_800_000_000n, 253_402_300_799_999_999n);
    case "timestamp_ns":
      return r.bigint(-MICROS_2262 * 1000n, MICROS_2262 * 1000n);
    case "string":
      return Array.from(
        { length: r.int(0, 24) },
        () => STRING_POOL[r.int(0, STRING_POOL.length - 1)],
      ).join("");
    case "uuid":
      return uuidFromBytes(r.bytes(16));
    case "fixed":
      return r.bytes(p.length);
    case "binary":
      return r.bytes(r.int(0, 40));
    default:
      throw new Error(`no random values of ${type}`);
  }
}

/** Values every transform must get right: zero, ±1, the boundaries of the range. */
export function edgeValues(type: string): PrimitiveValue[] {
  const p = parsePrimitive(type);
  switch (p.kind) {
    case "int":
      return [0, 1, -1, 34, -(2 ** 31) + 10, 2 ** 31 - 1, 9, -9, 10, -10];
    case "long":
      return [0n, 1n, -1n, 34n, -(2n ** 63n) + 10n, 2n ** 63n - 1n, 2n ** 32n, -(2n ** 32n), -10n];
    case "date":
      return [0, -1, 1, 17486, -719_162, 2_932_896, -365, 59, 58];
    case "time":
      return [0n, 1n, 81_068_000_000n, 86_400_000_000n - 1n];
    case "timestamp":
    case "timestamptz":
      return [
        0n,
        -1n,
        1n,
        1_510_871_468_123_456n,
        -3_600_000_001n,
        -86_400_000_000n,
        951_782_400_000_000n,
      ];
    case "timestamp_ns":
      return [0n, -1n, 1n, -999n, -1000n, -1001n, 1_510_871_468_123_456_789n];
    case "decimal":
      return [0n, 1n, -1n, 1420n, -1420n, 10n ** BigInt(p.precision) - 1n];
    case "string":
      return ["", "iceberg", "😀😀😀", "abcdefghijklmnopqrstu", "e\u0303e\u0303"];
    case "uuid":
      return [
        "f79c3e09-677c-4bbd-a479-3f349cb785e7",
        "00000000-0000-0000-0000-000000000000",
        "ffffffff-ffff-ffff-ffff-ffffffffffff",
      ];
    case "binary":
      return [new Uint8Array(0), Uint8Array.of(0, 1, 2, 3), Uint8Array.of(255, 255, 255)];
    case "fixed":
      return [new Uint8Array(p.length), new Uint8Array(p.length).fill(255)];
    default:
      return [];
  }
}
