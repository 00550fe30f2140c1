import type { IcebergType, ListType, MapType, StructType } from "../spec/types";
import { fromHex, toHex } from "./bytes";
import { formatDecimal, parseDecimal, rescale } from "./decimal";
import { ValueError } from "./errors";
import { type Primitive, parsePrimitive } from "./primitive";
import {
  formatDate,
  formatTimeOfDay,
  formatTimestamp,
  parseDate,
  parseTimeOfDay,
  parseTimestamp,
} from "./temporal";
import { normalizeUuid } from "./uuid";
import { checkValue, describeValue, type IcebergValue, isValueOfPrimitive } from "./value";

/**
 * JSON single-value serialization (spec Appendix D): `initial-default`/`write-default`,
 * partition values and bounds in REST payloads.
 *
 * `toJson` returns a JSON-ready JS value. One exception: a long outside ±2^53 comes back as
 * a bigint, which `JSON.stringify` refuses — use `toJsonText` (exact) or a bigint-aware
 * serializer. `fromJson` accepts bigint too, for readers that parse numbers exactly.
 */
export type JsonValue = null | boolean | number | bigint | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function toJson(type: IcebergType, value: IcebergValue): JsonValue {
  if (value === null) return null;
  if (typeof type !== "string") return nestedToJson(type, value);
  checkValue(type, value);
  const p = parsePrimitive(type);
  switch (p.kind) {
    case "boolean":
    case "int":
    case "string":
    case "uuid":
      return value as JsonValue;
    case "float":
      return floatToJson(shortestFloat32(value as number));
    case "double":
      return floatToJson(value as number);
    case "long":
      return Number.isSafeInteger(Number(value)) ? Number(value) : (value as bigint);
    case "decimal":
      return formatDecimal(value as bigint, p.scale);
    case "date":
      return formatDate(value as number);
    case "time":
      return formatTimeOfDay(value as bigint, 6);
    case "timestamp":
    case "timestamptz":
      return formatTimestamp(value as bigint, 6, p.kind === "timestamptz");
    case "timestamp_ns":
    case "timestamptz_ns":
      return formatTimestamp(value as bigint, 9, p.kind === "timestamptz_ns");
    case "fixed":
    case "binary":
      return toHex(value as Uint8Array);
    default:
      throw new ValueError("unsupported", `No JSON single-value form for ${p.kind}`, type);
  }
}

/**
 * The shortest decimal that reads back as the same float32: a float decoded from 4 bytes
 * is 1.2300000190734863 as a double, but Java (and people) write it as 1.23.
 */
export function shortestFloat32(v: number): number {
  if (!Number.isFinite(v)) return v;
  const target = Math.fround(v);
  for (let digits = 1; digits < 9; digits++) {
    const candidate = Number(target.toPrecision(digits));
    if (Math.fround(candidate) === target) return candidate;
  }
  return target;
}

// JSON has no NaN or infinities; Java (Jackson) writes them as these strings.
function floatToJson(v: number): JsonValue {
  if (Number.isNaN(v)) return "NaN";
  if (v === Number.POSITIVE_INFINITY) return "Infinity";
  if (v === Number.NEGATIVE_INFINITY) return "-Infinity";
  return v;
}

export function fromJson(type: IcebergType, json: unknown): IcebergValue {
  if (json === null || json === undefined) return null;
  if (typeof type !== "string") return nestedFromJson(type, json);
  const p = parsePrimitive(type);
  const value = primitiveFromJson(p, type, json);
  if (!isValueOfPrimitive(p, value)) throw invalid(type, json);
  return value;
}

function primitiveFromJson(p: Primitive, type: string, json: unknown): IcebergValue {
  switch (p.kind) {
    case "boolean":
    case "int":
      return json as IcebergValue;
    case "float":
    case "double":
      return floatFromJson(type, json);
    case "long":
      return longFromJson(type, json);
    case "decimal": {
      const parsed = parseDecimal(expectString(type, json));
      return rescale(parsed.unscaled, parsed.scale, p.scale);
    }
    case "date":
      return parseDate(expectString(type, json));
    case "time":
      return parseTimeOfDay(expectString(type, json), 6);
    case "timestamp":
      return parseTimestamp(expectString(type, json), 6, "forbidden", type);
    case "timestamptz":
      return parseTimestamp(expectString(type, json), 6, "required", type);
    case "timestamp_ns":
      return parseTimestamp(expectString(type, json), 9, "forbidden", type);
    case "timestamptz_ns":
      return parseTimestamp(expectString(type, json), 9, "required", type);
    case "string":
      return expectString(type, json);
    case "uuid":
      return normalizeUuid(expectString(type, json));
    case "fixed":
    case "binary":
      return fromHex(expectString(type, json));
    default:
      throw new ValueError("unsupported", `No JSON single-value form for ${p.kind}`, type);
  }
}

function floatFromJson(type: string, json: unknown): number {
  if (typeof json === "number") return json;
  const special: Record<string, number> = {
    NaN: Number.NaN,
    Infinity: Number.POSITIVE_INFINITY,
    "-Infinity": Number.NEGATIVE_INFINITY,
  };
  if (typeof json === "string" && json in special) return special[json];
  throw invalid(type, json);
}

function longFromJson(type: string, json: unknown): bigint {
  if (typeof json === "bigint") return json;
  if (typeof json === "number" && Number.isInteger(json)) return BigInt(json);
  if (typeof json === "string" && /^-?\d+$/.test(json)) return BigInt(json);
  throw invalid(type, json);
}

function expectString(type: string, json: unknown): string {
  if (typeof json !== "string") throw invalid(type, json);
  return json;
}

function invalid(type: string, json: unknown): ValueError {
  return new ValueError(
    "invalid-encoding",
    `${describeValue(json)} is not JSON for a ${type}`,
    type,
  );
}

function nestedToJson(type: StructType | ListType | MapType, value: IcebergValue): JsonValue {
  if (type.type === "list") {
    if (!Array.isArray(value)) throw notNested(type.type, value);
    return value.map((element) => toJson(type.element, element));
  }
  if (!(value instanceof Map)) throw notNested(type.type, value);
  if (type.type === "map") {
    return {
      keys: [...value.keys()].map((k) => toJson(type.key, k)),
      values: [...value.values()].map((v) => toJson(type.value, v)),
    };
  }
  const out: JsonObject = {};
  for (const field of type.fields) {
    const v = (value as Map<number, IcebergValue>).get(field.id) ?? null;
    out[String(field.id)] = toJson(field.type, v);
  }
  return out;
}

function nestedFromJson(type: StructType | ListType | MapType, json: unknown): IcebergValue {
  if (type.type === "list") {
    if (!Array.isArray(json)) throw notNested(type.type, json);
    return json.map((element) => fromJson(type.element, element));
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw notNested(type.type, json);
  }
  const obj = json as Record<string, unknown>;
  if (type.type === "map") return mapFromJson(type, obj);
  const out = new Map<number, IcebergValue>();
  for (const field of type.fields) {
    const v = fromJson(field.type, obj[String(field.id)]);
    if (v === null && field.required) {
      throw new ValueError(
        "invalid-encoding",
        `Required field ${field.id} (${field.name}) is missing`,
      );
    }
    out.set(field.id, v);
  }
  return out;
}

function mapFromJson(type: MapType, obj: Record<string, unknown>): IcebergValue {
  const { keys, values } = obj;
  if (!Array.isArray(keys) || !Array.isArray(values) || keys.length !== values.length) {
    throw new ValueError(
      "invalid-encoding",
      'A map needs "keys" and "values" arrays of one length',
    );
  }
  const out = new Map<IcebergValue, IcebergValue>();
  keys.forEach((k, i) => {
    out.set(fromJson(type.key, k), fromJson(type.value, values[i]));
  });
  return out;
}

function notNested(kind: string, value: unknown): ValueError {
  return new ValueError("invalid-value", `${describeValue(value)} is not a ${kind} value`);
}

/** `toJson` as JSON text, writing every long exactly (no 2^53 limit). */
export function toJsonText(type: IcebergType, value: IcebergValue): string {
  return stringifyExact(toJson(type, value));
}

function stringifyExact(json: JsonValue): string {
  if (typeof json === "bigint") return json.toString();
  if (Array.isArray(json)) return `[${json.map(stringifyExact).join(",")}]`;
  if (json !== null && typeof json === "object") {
    const entries = Object.entries(json).map(
      ([k, v]) => `${JSON.stringify(k)}:${stringifyExact(v)}`,
    );
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(json);
}
