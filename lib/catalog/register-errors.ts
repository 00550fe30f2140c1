import { AppError } from "@/lib/errors";
import { FileNotFoundError, UnsupportedLocationError } from "@/lib/iceberg/io";
import { IcebergValidationError, JsonSyntaxError } from "@/lib/iceberg/spec";

/**
 * Why a metadata file could not be registered, said for a person: what is wrong with the
 * file, never the operating system's error text (it names internals).
 */
export function registerError(
  metadataLocation: string,
  what: "table" | "view",
  error: unknown,
): AppError {
  const reason =
    error instanceof FileNotFoundError
      ? "there is no file at that location"
      : error instanceof UnsupportedLocationError
        ? error.message
        : error instanceof IcebergValidationError
          ? `it is not valid Iceberg ${what} metadata (${error.message})`
          : error instanceof JsonSyntaxError
            ? `it is not valid JSON (line ${error.line}, column ${error.column})`
            : `it could not be read as Iceberg ${what} metadata`;
  return new AppError(
    "bad_request",
    `Cannot register ${metadataLocation} as a ${what}: ${reason}.`,
    { cause: error },
  );
}
