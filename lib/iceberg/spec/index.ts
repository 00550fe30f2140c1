/**
 * `lib/iceberg/spec` — the Iceberg table and view metadata model, read and written
 * exactly as the spec lays it out.
 *
 * ```ts
 * import { readMetadataFile, serializeTableMetadata, currentSchema, findFieldByName } from "@/lib/iceberg/spec";
 *
 * const meta = readMetadataFile(await readFile(path)); // v1/v2/v3, gzip or not
 * const schema = currentSchema(meta);
 * const column = findFieldByName(schema, "address.city", { caseSensitive: false });
 * await writeFile(next, serializeTableMetadata({ ...meta, lastUpdatedMs: Date.now() }));
 * ```
 *
 * - Snapshot ids (and every other 64-bit id) are `bigint`. Parse metadata text with
 *   `parseTableMetadata`/`parseJson`, never `JSON.parse`, which rounds them; write it with
 *   `serializeTableMetadata`/`stringifyJson`, which print them as plain numbers.
 * - Invalid metadata throws `IcebergValidationError` with the JSON `path` of the field at
 *   fault; text that is not JSON throws `JsonSyntaxError` with line and column.
 * - v1 files are upgraded in memory (`schemas`, `partition-specs`, sequence numbers 0, an
 *   explicit `main` ref) and written back as v1; v2 and v3 are written as they are.
 * - Primitive type names are canonical ("decimal(9, 2)"), so types compare as strings.
 */
export type * from "./types";
export { MAIN_BRANCH } from "./types";
export type * from "./view-types";

export { IcebergValidationError } from "./errors";
export {
  isJsonInteger,
  type JsonObject,
  type JsonPrimitive,
  JsonSyntaxError,
  type JsonValue,
  parseJson,
  type StringifyOptions,
  stringifyJson,
} from "./json";

export {
  parseTableMetadata,
  type SerializeOptions,
  serializeTableMetadata,
  tableMetadataToJson,
} from "./table-metadata";
export { SUPPORTED_FORMAT_VERSIONS } from "./table-metadata-read";
export { NIL_UUID } from "./table-metadata-v1";
export { validateTableMetadata } from "./table-metadata-validate";
export { decodeMetadataBytes, isGzip, readMetadataFile } from "./metadata-file";
export {
  currentSchema,
  currentSnapshot,
  defaultPartitionSpec,
  defaultSortOrder,
  partitionSpecById,
  schemaById,
  snapshotById,
  snapshotForRef,
  sortOrderById,
} from "./table-metadata-access";

export {
  parseViewMetadata,
  serializeViewMetadata,
  validateViewMetadata,
  viewMetadataToJson,
} from "./view-metadata";

export {
  readSchema,
  readType,
  type SchemaReadOptions,
  writeSchema,
  writeType,
} from "./schema-json";
export {
  allFields,
  assignFreshIds,
  type FreshIdsOptions,
  findFieldById,
  findFieldByName,
  findFieldByNameIgnoreCase,
  highestFieldId,
  indexFieldsById,
  indexFieldsByName,
  isListType,
  isMapType,
  isPrimitiveType,
  isStructType,
  type SchemaField,
} from "./schema";
export { isPromotionAllowed, sameType } from "./type-promotion";
export { schemaToString, typeToString } from "./schema-format";
export {
  canonicalPrimitiveType,
  DEFAULT_CRS,
  type EdgeAlgorithm,
  formatPrimitiveType,
  MAX_DECIMAL_PRECISION,
  minFormatVersion,
  type PrimitiveTypeInfo,
  parsePrimitiveType,
} from "./primitive-types";

// JSON codecs for the pieces REST commits carry on their own (add-schema, add-spec,
// add-snapshot, set-snapshot-ref, …); `path` names the piece in error messages.
export {
  FIRST_PARTITION_FIELD_ID,
  readPartitionSpec,
  readSortOrder,
  writePartitionSpec,
  writeSortOrder,
} from "./partition-json";
export {
  readEncryptionKey,
  readPartitionStatisticsFile,
  readRef,
  readSnapshot,
  readStatisticsFile,
  writeEncryptionKey,
  writePartitionStatisticsFile,
  writeRef,
  writeSnapshot,
  writeStatisticsFile,
} from "./snapshot-json";
