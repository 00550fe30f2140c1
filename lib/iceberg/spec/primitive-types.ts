/**
 * Primitive type names in their JSON form ("long", "decimal(9, 2)", "fixed[16]", …).
 *
 * The spec writes parameters with or without spaces ("decimal(9,2)" and "decimal(9, 2)"
 * are both seen in the wild); `canonicalPrimitiveType` turns every spelling into the one
 * Java and PyIceberg write, so types can be compared as strings.
 */

export const SIMPLE_PRIMITIVES = [
  "boolean",
  "int",
  "long",
  "float",
  "double",
  "date",
  "time",
  "timestamp",
  "timestamptz",
  "timestamp_ns",
  "timestamptz_ns",
  "string",
  "uuid",
  "binary",
  "unknown",
  "variant",
] as const;

export type SimplePrimitive = (typeof SIMPLE_PRIMITIVES)[number];

export const EDGE_ALGORITHMS = ["spherical", "vincenty", "thomas", "andoyer", "karney"] as const;
export type EdgeAlgorithm = (typeof EDGE_ALGORITHMS)[number];

/** The CRS a geometry or geography column has when its type names none. */
export const DEFAULT_CRS = "OGC:CRS84";

export type PrimitiveTypeInfo =
  | { kind: SimplePrimitive }
  | { kind: "decimal"; precision: number; scale: number }
  | { kind: "fixed"; length: number }
  | { kind: "geometry"; crs: string }
  | { kind: "geography"; crs: string; algorithm: EdgeAlgorithm };

export const MAX_DECIMAL_PRECISION = 38;

const DECIMAL = /^decimal\s*\(\s*(\d+)\s*,\s*(\d+)\s*\)$/i;
const FIXED = /^fixed\s*\[\s*(\d+)\s*\]$/i;
const GEOMETRY = /^geometry\s*(?:\(\s*([^)]*?)\s*\))?$/i;
const GEOGRAPHY = /^geography\s*(?:\(\s*([^),]*?)\s*(?:,\s*([a-z]*)\s*)?\))?$/i;

/** Parses a primitive type name; when it is not a valid one, returns the reason instead. */
export function parsePrimitiveType(text: string): PrimitiveTypeInfo | string {
  const trimmed = text.trim();
  const lower = trimmed.toLowerCase();
  if ((SIMPLE_PRIMITIVES as readonly string[]).includes(lower)) {
    return { kind: lower as SimplePrimitive };
  }
  const decimal = DECIMAL.exec(trimmed);
  if (decimal) return decimalType(Number(decimal[1]), Number(decimal[2]));
  const fixed = FIXED.exec(trimmed);
  if (fixed) {
    const length = Number(fixed[1]);
    return length > 0 ? { kind: "fixed", length } : "fixed length must be positive";
  }
  const geometry = GEOMETRY.exec(trimmed);
  if (geometry) return { kind: "geometry", crs: geometry[1] || DEFAULT_CRS };
  const geography = GEOGRAPHY.exec(trimmed);
  if (geography) return geographyType(geography[1] || DEFAULT_CRS, geography[2]);
  return `unknown primitive type ${JSON.stringify(text)}`;
}

function decimalType(precision: number, scale: number): PrimitiveTypeInfo | string {
  if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
    return `decimal precision must be between 1 and ${MAX_DECIMAL_PRECISION}, got ${precision}`;
  }
  return { kind: "decimal", precision, scale };
}

function geographyType(crs: string, algorithm = "spherical"): PrimitiveTypeInfo | string {
  const lower = algorithm.toLowerCase();
  if (!(EDGE_ALGORITHMS as readonly string[]).includes(lower)) {
    return `unknown edge algorithm ${JSON.stringify(algorithm)} (expected one of ${EDGE_ALGORITHMS.join(", ")})`;
  }
  return { kind: "geography", crs, algorithm: lower as EdgeAlgorithm };
}

/** The canonical JSON spelling of a parsed primitive type. */
export function formatPrimitiveType(info: PrimitiveTypeInfo): string {
  switch (info.kind) {
    case "decimal":
      return `decimal(${info.precision}, ${info.scale})`;
    case "fixed":
      return `fixed[${info.length}]`;
    case "geometry":
      return info.crs === DEFAULT_CRS ? "geometry" : `geometry(${info.crs})`;
    case "geography":
      if (info.algorithm !== "spherical") return `geography(${info.crs}, ${info.algorithm})`;
      return info.crs === DEFAULT_CRS ? "geography" : `geography(${info.crs})`;
    default:
      return info.kind;
  }
}

/** The canonical spelling of a primitive type name, or undefined when it is not one. */
export function canonicalPrimitiveType(text: string): string | undefined {
  const info = parsePrimitiveType(text);
  return typeof info === "string" ? undefined : formatPrimitiveType(info);
}

const V3_KINDS = new Set<PrimitiveTypeInfo["kind"]>([
  "timestamp_ns",
  "timestamptz_ns",
  "unknown",
  "variant",
  "geometry",
  "geography",
]);

/** The first table format version that allows this type. */
export function minFormatVersion(info: PrimitiveTypeInfo): 1 | 3 {
  return V3_KINDS.has(info.kind) ? 3 : 1;
}
