import * as zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { ManifestError } from "../errors";
import { type ContainerHeader, decodeHeader, headerType } from "./container-header";
import { readAvroContainer } from "./container-reader";
import { writeAvroContainer } from "./container-writer";
import type { AvroSchema } from "./schema-json";

const schema: AvroSchema = {
  type: "record",
  name: "row",
  fields: [
    { name: "id", type: "long" },
    { name: "note", type: ["null", "string"], default: null },
    { name: "blob", type: "bytes" },
  ],
};
const records = Array.from({ length: 5000 }, (_, i) => ({
  id: BigInt(i) + 9_000_000_000_000_000_000n,
  note: i % 3 ? `row ${i}` : null,
  blob: Buffer.from([i & 255]),
}));

function write(codec: "null" | "deflate" | "snappy") {
  return writeAvroContainer({ schema, metadata: { "iceberg-key": "v" }, codec, records });
}

/** The same blocks under a header that claims another codec. */
function withCodec(bytes: Uint8Array, codec: string): Uint8Array {
  const buf = Buffer.from(bytes);
  const { value, offset } = headerType.decode(buf, 0);
  const header = value as ContainerHeader;
  header.meta["avro.codec"] = Buffer.from(codec);
  return Buffer.concat([headerType.toBuffer(header), buf.subarray(offset)]);
}

function kindOf(read: () => unknown): string | undefined {
  try {
    read();
  } catch (error) {
    if (error instanceof ManifestError) return error.kind;
    throw error;
  }
  return undefined;
}

describe("Avro object container files", () => {
  for (const codec of ["null", "deflate", "snappy"] as const) {
    it(`${codec}: round-trips records over several blocks, longs as exact bigints`, () => {
      const file = readAvroContainer(write(codec));
      expect(file.codec).toBe(codec);
      expect(file.metadata["iceberg-key"]).toBe("v");
      expect(file.records.length).toBe(records.length);
      expect(file.records[4999]).toMatchObject({
        id: 9_000_000_000_000_004_999n,
        note: "row 4999",
      });
    });
  }

  it("rejects bytes that are not Avro", () => {
    expect(kindOf(() => readAvroContainer(new TextEncoder().encode("PAR1...")))).toBe("not-avro");
  });

  it("recognizes Iceberg's encrypted stream (AGS1)", () => {
    expect(kindOf(() => readAvroContainer(new TextEncoder().encode("AGS1\u0000\u0000")))).toBe(
      "encrypted",
    );
  });

  it("reports truncation and a wrong sync marker as corrupt", () => {
    const bytes = write("null");
    expect(kindOf(() => readAvroContainer(bytes.subarray(0, bytes.length - 3)))).toBe("corrupt");
    const damaged = Uint8Array.from(bytes);
    damaged[damaged.length - 1] ^= 0xff;
    expect(kindOf(() => readAvroContainer(damaged))).toBe("corrupt");
  });

  it("checks the CRC-32 that ends each snappy block", () => {
    const bytes = Uint8Array.from(write("snappy"));
    // The first block's checksum sits just before its sync marker (searched for past
    // the header, which ends with the same marker).
    const { header, offset } = decodeHeader(bytes);
    const firstBlockEnd = Buffer.from(bytes).indexOf(header.sync, offset);
    bytes[firstBlockEnd - 1] ^= 0xff;
    expect(() => readAvroContainer(bytes)).toThrow(/CRC-32/);
  });

  it("fails fast on a damaged header", () => {
    const bytes = Uint8Array.from(write("null"));
    const { offset } = decodeHeader(bytes);
    bytes[offset - 17] = 0x7e; // the map's closing count becomes 63 more entries
    expect(kindOf(() => readAvroContainer(bytes))).toBe("corrupt");
  });

  it("names the codec it cannot read", () => {
    expect(() => readAvroContainer(withCodec(write("null"), "bzip2"))).toThrow(
      /unsupported Avro codec "bzip2"/,
    );
  });

  it("zstandard: reads it where Node has zstd, otherwise says which Node it needs", () => {
    const relabeled = withCodec(write("null"), "zstandard");
    const hasZstd =
      typeof (zlib as { zstdDecompressSync?: unknown }).zstdDecompressSync === "function";
    if (hasZstd) expect(kindOf(() => readAvroContainer(relabeled))).toBe("corrupt");
    else
      expect(() => readAvroContainer(relabeled)).toThrow(
        /needs a Node.js runtime with built-in zstd/,
      );
  });

  it("says which field does not fit the schema when writing", () => {
    expect(() =>
      writeAvroContainer({
        schema,
        metadata: {},
        codec: "null",
        records: [{ id: 1, note: null, blob: Buffer.from([]) }],
      }),
    ).toThrow(/record 0 does not fit the Avro schema \(at id\)/);
  });
});
