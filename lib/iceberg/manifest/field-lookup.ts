/**
 * Reads decoded Avro records by Iceberg field id. The writer schema says which Avro
 * field carries which id (`field-id`); writers disagree on names (Java's
 * `added_data_files_count` is PyIceberg's `added_files_count`), never on ids.
 *
 * A record whose writer put no id on any field (older iceberg-rust, BigQuery's map
 * entries) falls back to the spec's names for that record — the only use of names.
 */
import { type AvroRecordSchema, type AvroSchema, asRecord } from "./avro/schema-json";
import { ManifestError } from "./errors";

export interface FieldSlot {
  /** The Avro field name to read the decoded value by. */
  name: string;
  /** The field's Avro type as written (may be a nullable union). */
  schema: AvroSchema;
}

export type FieldIndex = ReadonlyMap<number, FieldSlot>;

export function indexFields(
  record: AvroRecordSchema,
  idsByName: Readonly<Record<string, number>>,
): FieldIndex {
  const withIds = record.fields.some((field) => typeof field["field-id"] === "number");
  const index = new Map<number, FieldSlot>();
  for (const field of record.fields) {
    const id = withIds ? field["field-id"] : idsByName[field.name];
    if (typeof id === "number" && !index.has(id))
      index.set(id, { name: field.name, schema: field.type });
  }
  return index;
}

/** The record schema of field `id` (a struct), or an error naming what is missing. */
export function nestedRecord(index: FieldIndex, id: number, what: string): AvroRecordSchema {
  const slot = index.get(id);
  const record = slot ? asRecord(slot.schema) : undefined;
  if (!record)
    throw new ManifestError("missing-field", `schema has no ${what} struct (field id ${id})`, {
      id,
    });
  return record;
}

/**
 * Typed access to one decoded record. Null and absent read the same: `undefined`.
 * `where` names the record in error messages ("manifest list row 3").
 */
export class FieldReader {
  constructor(
    private readonly index: FieldIndex,
    private readonly record: Record<string, unknown>,
    private readonly where: string,
  ) {}

  raw(id: number): unknown {
    const slot = this.index.get(id);
    const value = slot ? this.record[slot.name] : undefined;
    return value === null ? undefined : value;
  }

  /** Whether the writer schema has the field at all (null or not). */
  has(id: number): boolean {
    return this.index.has(id);
  }

  schema(id: number): AvroSchema | undefined {
    return this.index.get(id)?.schema;
  }

  required(id: number, label: string): unknown {
    const value = this.raw(id);
    if (value === undefined) {
      throw new ManifestError(
        "missing-field",
        `${this.where}: required field ${label} (id ${id}) is missing`,
        {
          id,
        },
      );
    }
    return value;
  }

  number(id: number, label: string): number {
    return toSafeNumber(this.required(id, label), `${this.where}: ${label}`);
  }

  optionalNumber(id: number, label: string): number | undefined {
    const value = this.raw(id);
    return value === undefined ? undefined : toSafeNumber(value, `${this.where}: ${label}`);
  }

  bigint(id: number, label: string): bigint {
    return BigInt(this.required(id, label) as bigint | number);
  }

  optionalBigint(id: number): bigint | undefined {
    const value = this.raw(id);
    return value === undefined ? undefined : BigInt(value as bigint | number);
  }

  string(id: number, label: string): string {
    return String(this.required(id, label));
  }

  optionalString(id: number): string | undefined {
    const value = this.raw(id);
    return value === undefined ? undefined : String(value);
  }

  optionalBoolean(id: number): boolean | undefined {
    const value = this.raw(id);
    return value === undefined ? undefined : Boolean(value);
  }

  optionalBytes(id: number): Uint8Array | undefined {
    const value = this.raw(id);
    return value === undefined ? undefined : new Uint8Array(value as Uint8Array);
  }

  fail(message: string, context: Record<string, unknown> = {}): never {
    throw new ManifestError("invalid-value", `${this.where}: ${message}`, context);
  }
}

/** Longs arrive as bigint; counts and sizes are numbers, exactly or not at all. */
export function toSafeNumber(value: unknown, what: string): number {
  const n = typeof value === "bigint" ? Number(value) : (value as number);
  if (typeof n !== "number" || !Number.isSafeInteger(n)) {
    throw new ManifestError(
      "invalid-value",
      `${what}: ${String(value)} is not an integer below 2^53`,
    );
  }
  return n;
}
