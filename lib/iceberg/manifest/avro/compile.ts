/**
 * Turns Avro schema JSON into an avsc `Type` that reads and writes Avro `long` as a
 * JavaScript `bigint`. avsc's default long is a `number` that refuses values above
 * 2^53, and snapshot ids routinely are.
 */
import avro from "avsc";
import type { AvroSchema } from "./schema-json";

const bigintLong = avro.types.LongType.__with({
  // avsc hands over and expects the long as 8 bytes, little-endian two's complement.
  fromBuffer: (buf: Buffer) => buf.readBigInt64LE(0),
  toBuffer: (value: bigint) => {
    const buf = Buffer.alloc(8);
    buf.writeBigInt64LE(value, 0);
    return buf;
  },
  fromJSON: (json: unknown) => BigInt(json as number | string),
  toJSON: (value: bigint) => Number(value),
  isValid: (value: unknown) => typeof value === "bigint",
  compare: (a: bigint, b: bigint) => (a === b ? 0 : a < b ? -1 : 1),
});

/**
 * Compiles a schema. `forReading` drops field defaults: decoding with the writer's own
 * schema never uses them, and some writers put defaults avsc would reject.
 */
export function compileAvroType(schema: AvroSchema, forReading = false): avro.Type {
  // Compiling is costly and the same few schemas recur (one per table and spec), so
  // compiled types — immutable, reusable — are kept by their schema text.
  const key = `${forReading ? "r" : "w"}${JSON.stringify(schema)}`;
  const hit = compiled.get(key);
  if (hit) return hit;
  // A fresh registry each time: avsc records every named type it meets in it.
  const type = avro.Type.forSchema(prepare(schema, forReading) as avro.Schema, {
    registry: { long: bigintLong },
  });
  if (compiled.size >= COMPILED_LIMIT) compiled.delete(compiled.keys().next().value as string);
  compiled.set(key, type);
  return type;
}

const COMPILED_LIMIT = 256;
const compiled = new Map<string, avro.Type>();

/**
 * avsc takes `long` from the registry only when it is spelled as the bare string, so
 * `{"type": "long", "logicalType": "time-micros"}` becomes "long" (the logical type
 * matters to us, not to avsc; the file keeps its schema as written).
 */
function prepare(schema: AvroSchema, dropDefaults: boolean): AvroSchema {
  if (typeof schema === "string") return schema;
  if (Array.isArray(schema)) return schema.map((branch) => prepare(branch, dropDefaults));
  if (schema.type === "long") return "long";
  const copy = { ...schema };
  if (typeof copy.type !== "string") copy.type = prepare(copy.type, dropDefaults);
  if (copy.fields) {
    copy.fields = copy.fields.map(({ default: fieldDefault, ...field }) => ({
      ...field,
      ...(dropDefaults || fieldDefault === undefined ? {} : { default: fieldDefault }),
      type: prepare(field.type, dropDefaults),
    }));
  }
  if (copy.items !== undefined) copy.items = prepare(copy.items, dropDefaults);
  if (copy.values !== undefined) copy.values = prepare(copy.values, dropDefaults);
  return copy;
}
