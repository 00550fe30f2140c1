/** The header of an Avro object container file: magic, key/value metadata, sync marker. */
import avro from "avsc";

export const AVRO_MAGIC = Uint8Array.from([0x4f, 0x62, 0x6a, 0x01]); // "Obj" 1
/** Iceberg's AES-GCM stream format ("AGS1"), used for encrypted manifest lists. */
export const ENCRYPTED_MAGIC = Uint8Array.from([0x41, 0x47, 0x53, 0x31]);
export const SYNC_SIZE = 16;

export const headerType = avro.Type.forSchema({
  type: "record",
  name: "org.apache.avro.file.Header",
  fields: [
    { name: "magic", type: { type: "fixed", name: "Magic", size: 4 } },
    { name: "meta", type: { type: "map", values: "bytes" } },
    { name: "sync", type: { type: "fixed", name: "Sync", size: SYNC_SIZE } },
  ],
});

export interface ContainerHeader {
  magic: Buffer;
  meta: Record<string, Buffer>;
  sync: Buffer;
}

export function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((byte, i) => bytes[i] === byte);
}
