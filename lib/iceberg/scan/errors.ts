/**
 * The one error type of scan planning. `kind` is from a closed set so callers can map it
 * (a missing snapshot is the user's mistake; an unsupported file is ours); the message
 * names the table file, snapshot or column involved.
 */
export type ScanErrorKind =
  /** No metadata file where the table should be, or none for the version asked for. */
  | "metadata-not-found"
  /** A snapshot id the metadata does not know. */
  | "snapshot-not-found"
  /** A branch or tag name the metadata does not know. */
  | "ref-not-found"
  /** A time before the table's first snapshot. */
  | "no-snapshot-at-time"
  /** A column name the scan's schema does not have. */
  | "column-not-found"
  /** Something Tarn cannot read yet (ORC data files, encrypted files, …). */
  | "unsupported"
  /** A table file whose bytes break the spec (a damaged deletion vector, a bad footer). */
  | "invalid-file";

export class ScanError extends Error {
  override name = "ScanError";
  constructor(
    readonly kind: ScanErrorKind,
    message: string,
    readonly context: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
