import { describe, expect, it } from "vitest";
import { decodeRoaring64 } from "./roaring";

/** Little-endian helpers to write portable Roaring bytes by hand. */
const u16 = (n: number) => [n & 0xff, n >> 8];
const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24];
const u64 = (n: number) => [...u32(n), 0, 0, 0, 0];

describe("decodeRoaring64", () => {
  it("reads array containers under two high keys", () => {
    const bytes = new Uint8Array([
      ...u64(2),
      ...u32(0),
      ...[
        ...u32(12346),
        ...u32(1),
        ...u16(0),
        ...u16(2),
        ...u32(16),
        ...u16(1),
        ...u16(2),
        ...u16(9),
      ],
      ...u32(1),
      ...[...u32(12346), ...u32(1), ...u16(0), ...u16(0), ...u32(16), ...u16(5)],
    ]);
    expect(decodeRoaring64(bytes)).toEqual([
      [1, 3],
      [9, 10],
      [2 ** 32 + 5, 2 ** 32 + 6],
    ]);
  });

  it("reads run containers (cookie with run flags, no offsets below four containers)", () => {
    // one container, key 1, run [10, 20) and [30, 31)
    const bytes = new Uint8Array([
      ...u64(1),
      ...u32(0),
      ...u16(12347),
      ...u16(0),
      0b1,
      ...u16(1),
      ...u16(10),
      ...u16(2),
      ...u16(10),
      ...u16(9),
      ...u16(30),
      ...u16(0),
    ]);
    expect(decodeRoaring64(bytes)).toEqual([
      [65536 + 10, 65536 + 20],
      [65536 + 30, 65536 + 31],
    ]);
  });

  it("reads an empty bitmap and refuses truncated bytes", () => {
    expect(decodeRoaring64(new Uint8Array(u64(0)))).toEqual([]);
    expect(() => decodeRoaring64(new Uint8Array([...u64(1), 0, 0]))).toThrow(/ends early/);
  });
});
