import { fromHex, toHex } from "./bytes";
import { ValueError } from "./errors";

const UUID_ANY_CASE =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Canonical lowercase form; throws for anything that is not an 8-4-4-4-12 hex UUID. */
export function normalizeUuid(text: string): string {
  if (!UUID_ANY_CASE.test(text)) {
    throw new ValueError("invalid-encoding", `"${text.slice(0, 40)}" is not a UUID`, "uuid");
  }
  return text.toLowerCase();
}

/** The 16 big-endian bytes of a UUID (Appendix B / D). */
export function uuidToBytes(uuid: string): Uint8Array {
  return fromHex(normalizeUuid(uuid).replaceAll("-", ""));
}

export function uuidFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== 16) {
    throw new ValueError("invalid-encoding", `A UUID has 16 bytes, got ${bytes.length}`, "uuid");
  }
  const hex = toHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
