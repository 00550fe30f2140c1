/**
 * Table metadata files: parse any of format v1, v2 and v3 into the model; serialize the
 * model back in its own format version.
 *
 * Parsing is strict: the result is either a model that satisfies the spec's structural
 * rules or an `IcebergValidationError` naming the field at fault (`JsonSyntaxError` for
 * text that is not JSON). Serializing checks the model by reading the produced JSON back
 * before returning it, so Tarn never writes a metadata file it could not read.
 */
import type { JsonValue } from "./json";
import { parseJson, stringifyJson } from "./json";
import { readTableMetadata } from "./table-metadata-read";
import { writeTableMetadata } from "./table-metadata-write";
import type { TableMetadata } from "./types";

/**
 * Parses metadata JSON text, or a value already parsed by `parseJson`. (A value from
 * `JSON.parse` works too, unless an id beyond 2^53 lost its digits: that is refused.)
 */
export function parseTableMetadata(input: string | JsonValue): TableMetadata {
  return readTableMetadata(typeof input === "string" ? parseJson(input) : input);
}

export interface SerializeOptions {
  /** Pretty-print with this many spaces; compact by default. */
  indent?: number;
}

export function serializeTableMetadata(
  meta: TableMetadata,
  options: SerializeOptions = {},
): string {
  return stringifyJson(tableMetadataToJson(meta), options);
}

/** The JSON value of the metadata (bigint ids included), validated by a read-back. */
export function tableMetadataToJson(meta: TableMetadata): JsonValue {
  const json = writeTableMetadata(meta);
  readTableMetadata(json);
  return json;
}
