/**
 * The one error type of the manifest module. `kind` is from a closed set so callers can
 * branch on it (an encrypted file is not a corrupt file); `context` says which file,
 * field or entry was involved, for logs.
 */
export type ManifestErrorKind =
  /** The bytes are not an Avro object container file. */
  | "not-avro"
  /** The file is encrypted (AES-GCM "AGS1" stream); we hold no keys. */
  | "encrypted"
  /** The Avro codec is one this runtime cannot decompress. */
  | "unsupported-codec"
  /** The container is truncated or a block fails its checks. */
  | "corrupt"
  /** A field the spec requires is absent or null. */
  | "missing-field"
  /** A field holds a value outside what the spec allows. */
  | "invalid-value"
  /** The caller asked us to write something the spec does not allow. */
  | "invalid-input";

export class ManifestError extends Error {
  readonly kind: ManifestErrorKind;
  readonly context: Record<string, unknown>;

  constructor(kind: ManifestErrorKind, message: string, context: Record<string, unknown> = {}) {
    super(message);
    this.name = "ManifestError";
    this.kind = kind;
    this.context = context;
  }
}

/**
 * Runs `encode`, turning a stray error (a non-integer count reaching `BigInt`, say)
 * into an "invalid-input" ManifestError that names what was being encoded.
 */
export function asInvalidInput<T>(what: string, encode: () => T): T {
  try {
    return encode();
  } catch (error) {
    if (error instanceof ManifestError) throw error;
    throw new ManifestError("invalid-input", `${what}: ${(error as Error).message}`);
  }
}
