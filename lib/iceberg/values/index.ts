/**
 * Iceberg values: how one value of each type is held in JS, serialized and ordered.
 *
 * ```ts
 * import { coerceValue, toBinary, fromBinary, toJson, compareValues } from "@/lib/iceberg/values";
 *
 * const price = coerceValue("decimal(9,2)", "14.20");   // 1420n — decimals are unscaled bigints
 * toBinary("decimal(9,2)", price!);                     // Uint8Array [0x05, 0x8c] (a manifest bound)
 * fromBinary("date", lowerBounds.get(3)!);              // 19723 (days) — 2024-01-01
 * toJson("timestamptz", 1_512_151_975_038_194n);        // "2017-12-01T18:12:55.038194+00:00"
 * compareValues("string", "a", "😀") < 0;                // code-point order, as bounds are written
 * ```
 *
 * The representation table is in `value.ts`. Everything takes the type in its JSON form
 * ("long", "decimal(9,2)", "fixed[16]"); errors are `ValueError` with a `kind`.
 */
export { fromBinary, toBinary } from "./binary";
export { truncateCodePoints, truncateLowerBound, truncateUpperBound } from "./bounds";
export { compareBytes, fromHex, fromUtf8, startsWithBytes, toBase64, toHex, utf8 } from "./bytes";
export {
  compareCodePoints,
  compareFloats,
  comparePredicateValues,
  compareUuidsSigned,
  compareValues,
  valuesEqual,
} from "./compare";
export { coerceValue } from "./convert";
export {
  formatDecimal,
  fromTwosComplement,
  parseDecimal,
  rescale,
  toMinTwosComplement,
} from "./decimal";
export { ValueError, type ValueErrorKind } from "./errors";
export {
  fromJson,
  type JsonObject,
  type JsonValue,
  shortestFloat32,
  toJson,
  toJsonText,
} from "./json";
export {
  isBigIntKind,
  isFloatingKind,
  isNanosKind,
  isPrimitiveType,
  isTimestampKind,
  type Primitive,
  type PrimitiveKind,
  parsePrimitive,
} from "./primitive";
export {
  type CivilDate,
  civilFromDays,
  daysFromCivil,
  floorDiv,
  floorDivBig,
  formatDate,
  formatTimeOfDay,
  formatTimestamp,
  formatYear,
  MICROS_PER_DAY,
  MICROS_PER_HOUR,
  parseDate,
  parseTimeOfDay,
  parseTimestamp,
} from "./temporal";
export { normalizeUuid, uuidFromBytes, uuidToBytes } from "./uuid";
export {
  checkValue,
  describeValue,
  type IcebergValue,
  isValueOf,
  type PrimitiveValue,
  type StructValue,
} from "./value";
