import { childPath, IcebergValidationError } from "./errors";
import type { JsonObject, JsonValue } from "./json";

/**
 * Typed, path-aware access to one JSON object of a metadata document.
 *
 * Every accessor either returns a value of the asked type or throws an
 * `IcebergValidationError` naming the field (`snapshots[2].timestamp-ms`) and what was
 * wrong with it. A key holding `null` counts as absent, as it does for the Java and
 * Rust readers.
 */
export class ObjectReader {
  private constructor(
    readonly json: JsonObject,
    readonly path: string,
  ) {}

  static of(value: JsonValue | undefined, path: string): ObjectReader {
    if (!isJsonObject(value)) throw invalid(path, "an object", value);
    return new ObjectReader(value, path);
  }

  has(key: string): boolean {
    return this.raw(key) !== undefined;
  }

  raw(key: string): JsonValue | undefined {
    const value = Object.hasOwn(this.json, key) ? this.json[key] : undefined;
    return value === null ? undefined : value;
  }

  pathOf(key: string): string {
    return childPath(this.path, key);
  }

  required(key: string, note = ""): JsonValue {
    const value = this.raw(key);
    if (value === undefined) {
      throw new IcebergValidationError(this.pathOf(key), `missing required field${note}`);
    }
    return value;
  }

  int(key: string, note?: string): number {
    return asInt(this.required(key, note), this.pathOf(key));
  }

  optionalInt(key: string): number | undefined {
    const value = this.raw(key);
    return value === undefined ? undefined : asInt(value, this.pathOf(key));
  }

  /** A 64-bit id, always returned as bigint. */
  long(key: string, note?: string): bigint {
    return asLong(this.required(key, note), this.pathOf(key));
  }

  optionalLong(key: string): bigint | undefined {
    const value = this.raw(key);
    return value === undefined ? undefined : asLong(value, this.pathOf(key));
  }

  string(key: string, note?: string): string {
    return asString(this.required(key, note), this.pathOf(key));
  }

  optionalString(key: string): string | undefined {
    const value = this.raw(key);
    return value === undefined ? undefined : asString(value, this.pathOf(key));
  }

  boolean(key: string, note?: string): boolean {
    const value = this.required(key, note);
    if (typeof value !== "boolean") throw invalid(this.pathOf(key), "a boolean", value);
    return value;
  }

  array(key: string, note?: string): JsonValue[] {
    const value = this.required(key, note);
    if (!Array.isArray(value)) throw invalid(this.pathOf(key), "an array", value);
    return value;
  }

  optionalArray(key: string): JsonValue[] | undefined {
    return this.has(key) ? this.array(key) : undefined;
  }

  /** Maps each element through `read`, giving it its own path (`key[i]`). */
  list<T>(key: string, read: (item: JsonValue, path: string) => T, note?: string): T[] {
    return this.array(key, note).map((item, i) => read(item, childPath(this.pathOf(key), i)));
  }

  optionalList<T>(key: string, read: (item: JsonValue, path: string) => T): T[] | undefined {
    return this.has(key) ? this.list(key, read) : undefined;
  }

  object(key: string, note?: string): ObjectReader {
    return ObjectReader.of(this.required(key, note), this.pathOf(key));
  }

  /** A required string → string map. */
  stringMap(key: string, note?: string): Record<string, string> {
    this.required(key, note);
    return this.optionalStringMap(key) ?? {};
  }

  /** A string → string map such as `properties` or a snapshot `summary`. */
  optionalStringMap(key: string): Record<string, string> | undefined {
    if (!this.has(key)) return undefined;
    const map = this.object(key);
    // fromEntries defines own properties, so a "__proto__" key stays a plain entry.
    return Object.fromEntries(
      Object.entries(map.json).map(([name, value]) => [name, asString(value, map.pathOf(name))]),
    );
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The 8-4-4-4-12 hex form of a UUID, in either case. */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asInt(value: JsonValue, path: string): number {
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  if (typeof value === "bigint") {
    throw new IcebergValidationError(path, `integer ${value} is out of range`);
  }
  throw invalid(path, "an integer", value);
}

export function asLong(value: JsonValue, path: string): bigint {
  if (typeof value === "bigint") return value;
  if (typeof value === "number" && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === "number" && Number.isInteger(value)) {
    // Only a reader that went through JSON.parse can hand us this: the digits are gone.
    throw new IcebergValidationError(
      path,
      `${value} is beyond 2^53 and has lost precision; parse the text with parseJson`,
    );
  }
  throw invalid(path, "a 64-bit integer", value);
}

export function asString(value: JsonValue, path: string): string {
  if (typeof value !== "string") throw invalid(path, "a string", value);
  return value;
}

export function invalid(path: string, expected: string, actual: JsonValue | undefined) {
  return new IcebergValidationError(path, `expected ${expected}, found ${describeJson(actual)}`);
}

/** A short description of a JSON value for error messages: `string "abc"`, `array`, … */
export function describeJson(value: JsonValue | undefined): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string":
      return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case "number":
    case "bigint":
      return `number ${value}`;
    case "boolean":
      return `boolean ${value}`;
    default:
      return "an object";
  }
}
