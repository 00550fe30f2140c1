/**
 * The block codecs of Avro object container files.
 * - deflate: raw DEFLATE (RFC 1951, no zlib header), Java's default for manifests.
 * - snappy: a Snappy block followed by the big-endian CRC-32 of the uncompressed bytes.
 * - zstandard: only where the Node runtime has zstd built in (Node ≥ 22.15); we add no
 *   dependency for it, and say so clearly otherwise.
 */
import * as zlib from "node:zlib";
import * as snappy from "snappyjs";
import { ManifestError } from "../errors";

export type AvroCodec = "null" | "deflate" | "snappy" | "zstandard";

type ZstdRuntime = {
  zstdDecompressSync?: (data: Uint8Array) => Buffer;
  zstdCompressSync?: (data: Uint8Array) => Buffer;
};
const zstd = zlib as unknown as ZstdRuntime;

export function decompressBlock(codec: string, block: Uint8Array): Uint8Array {
  switch (codec) {
    case "null":
      return block;
    case "deflate":
      return zlib.inflateRawSync(block);
    case "snappy":
      return uncompressSnappy(block);
    case "zstandard":
      if (zstd.zstdDecompressSync) return zstd.zstdDecompressSync(block);
      throw new ManifestError(
        "unsupported-codec",
        `Avro codec "zstandard" needs a Node.js runtime with built-in zstd (22.15 or later); this is ${process.version}`,
        { codec },
      );
    default:
      throw new ManifestError("unsupported-codec", `unsupported Avro codec "${codec}"`, { codec });
  }
}

export function compressBlock(codec: AvroCodec, data: Uint8Array): Uint8Array {
  switch (codec) {
    case "null":
      return data;
    case "deflate":
      return zlib.deflateRawSync(data);
    case "snappy":
      return compressSnappy(data);
    case "zstandard":
      if (zstd.zstdCompressSync) return zstd.zstdCompressSync(data);
      throw new ManifestError("unsupported-codec", "this Node.js runtime cannot write zstd", {
        codec,
      });
  }
}

function uncompressSnappy(block: Uint8Array): Uint8Array {
  if (block.length < 4)
    throw new ManifestError("corrupt", "snappy block shorter than its checksum");
  const body = block.subarray(0, block.length - 4);
  const expected = new DataView(block.buffer, block.byteOffset + body.length, 4).getUint32(
    0,
    false,
  );
  const data = snappy.uncompress(new Uint8Array(body));
  if (zlib.crc32(data) >>> 0 !== expected) {
    throw new ManifestError("corrupt", "snappy block fails its CRC-32 check");
  }
  return data;
}

function compressSnappy(data: Uint8Array): Uint8Array {
  const body = snappy.compress(new Uint8Array(data));
  const out = new Uint8Array(body.length + 4);
  out.set(body, 0);
  new DataView(out.buffer).setUint32(body.length, zlib.crc32(data) >>> 0, false);
  return out;
}
