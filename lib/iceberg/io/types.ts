/**
 * Where table files live. Tarn's warehouse is a local folder today; the interface is what
 * an object store (S3-compatible) would implement later.
 *
 * A location is a URI as recorded in Iceberg metadata: `file:///abs/path`, `file:/abs/path`
 * or a bare absolute path. Other schemes (s3://, gs://, abfs://, hdfs://) are not readable
 * here and fail with a clear UnsupportedLocationError naming the scheme.
 */
export interface FileInfo {
  location: string;
  size: number;
  modifiedMs: number;
}

export interface FileIO {
  read(location: string): Promise<Uint8Array>;
  /** Creates the file; fails with FileExistsError if it exists (metadata files are never overwritten). */
  writeNew(location: string, data: Uint8Array): Promise<void>;
  exists(location: string): Promise<boolean>;
  size(location: string): Promise<number>;
  delete(location: string): Promise<void>;
  /** Every file under a folder location, recursively. */
  list(prefix: string): AsyncIterable<FileInfo>;
  /** The local file-system path DuckDB should read for a location. */
  localPath(location: string): string;
  /**
   * `length` bytes from `offset` (fewer at the end of the file). Optional: callers that
   * need a slice (Parquet footers, deletion-vector blobs) fall back to `read`.
   */
  readRange?(location: string, offset: number, length: number): Promise<Uint8Array>;
}

export class UnsupportedLocationError extends Error {
  override name = "UnsupportedLocationError";
  constructor(
    readonly location: string,
    readonly scheme: string,
  ) {
    super(
      `Tarn can only read local files; ${scheme}:// locations are not reachable from here (${location}).`,
    );
  }
}

export class FileExistsError extends Error {
  override name = "FileExistsError";
  constructor(readonly location: string) {
    super(`A file already exists at ${location}.`);
  }
}

export class FileNotFoundError extends Error {
  override name = "FileNotFoundError";
  constructor(readonly location: string) {
    super(`No file at ${location}.`);
  }
}
