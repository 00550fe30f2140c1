/**
 * Iceberg struct types → Avro schemas the way Iceberg writes them (Java's
 * AvroSchemaUtil conventions): every field carries its `field-id`; optional fields are
 * `["null", T]` with default null; a nested struct is a record named `r<field id>`;
 * lists carry `element-id`; maps with non-string keys become arrays of `k<id>_v<id>`
 * records marked `logicalType: "map"`; dates, times, timestamps, decimals and uuids use
 * Avro logical types.
 */
import type {
  IcebergType,
  ListType,
  MapType,
  NestedField,
  PrimitiveType,
  StructType,
} from "../spec/types";
import { parsePrimitive } from "../values";
import type { AvroField, AvroRecordSchema, AvroSchema } from "./avro/schema-json";
import { decimalRequiredBytes } from "./decimal-bytes";
import { ManifestError } from "./errors";

/** Named Avro types must be defined once; later uses refer to them by name. */
type DefinedNames = Set<string>;

export function structToAvroRecord(struct: StructType, recordName: string): AvroRecordSchema {
  return recordOf(struct, recordName, new Set());
}

function recordOf(struct: StructType, name: string, defined: DefinedNames): AvroRecordSchema {
  defined.add(name);
  return { type: "record", name, fields: struct.fields.map((field) => fieldOf(field, defined)) };
}

function fieldOf(field: NestedField, defined: DefinedNames): AvroField {
  const type = typeOf(field.type, `r${field.id}`, defined);
  if (field.required) return { name: avroName(field.name), type, "field-id": field.id };
  return { name: avroName(field.name), type: ["null", type], default: null, "field-id": field.id };
}

function typeOf(type: IcebergType, recordName: string, defined: DefinedNames): AvroSchema {
  if (typeof type === "string") return primitiveOf(type, defined);
  switch (type.type) {
    case "struct":
      return recordOf(type, recordName, defined);
    case "list":
      return listOf(type, defined);
    case "map":
      return mapOf(type, defined);
  }
}

function listOf(list: ListType, defined: DefinedNames): AvroSchema {
  const element = typeOf(list.element, `r${list.elementId}`, defined);
  return {
    type: "array",
    items: list.elementRequired ? element : ["null", element],
    "element-id": list.elementId,
  };
}

function mapOf(map: MapType, defined: DefinedNames): AvroSchema {
  const value = typeOf(map.value, `r${map.valueId}`, defined);
  const valueType = map.valueRequired ? value : ["null", value];
  if (map.key === "string") {
    return { type: "map", values: valueType, "key-id": map.keyId, "value-id": map.valueId };
  }
  const entryName = `k${map.keyId}_v${map.valueId}`;
  defined.add(entryName);
  const entry: AvroRecordSchema = {
    type: "record",
    name: entryName,
    fields: [
      { name: "key", type: typeOf(map.key, `r${map.keyId}`, defined), "field-id": map.keyId },
      { name: "value", type: valueType, "field-id": map.valueId },
    ],
  };
  return { type: "array", items: entry, logicalType: "map" };
}

function primitiveOf(type: PrimitiveType, defined: DefinedNames): AvroSchema {
  const parsed = parsePrimitive(type);
  switch (parsed.kind) {
    case "binary":
      return "bytes";
    case "date":
      return { type: "int", logicalType: "date" };
    case "time":
      return { type: "long", logicalType: "time-micros" };
    case "timestamp":
    case "timestamptz":
      return {
        type: "long",
        logicalType: "timestamp-micros",
        "adjust-to-utc": parsed.kind === "timestamptz",
      };
    case "timestamp_ns":
    case "timestamptz_ns":
      return {
        type: "long",
        logicalType: "timestamp-nanos",
        "adjust-to-utc": parsed.kind === "timestamptz_ns",
      };
    case "uuid":
      return named("uuid_fixed", defined, { type: "fixed", size: 16, logicalType: "uuid" });
    case "fixed":
      return named(`fixed_${parsed.length}`, defined, { type: "fixed", size: parsed.length });
    case "decimal": {
      const { precision, scale } = parsed;
      const size = decimalRequiredBytes(precision);
      return named(`decimal_${precision}_${scale}`, defined, {
        type: "fixed",
        size,
        logicalType: "decimal",
        precision,
        scale,
      });
    }
    case "boolean":
    case "int":
    case "long":
    case "float":
    case "double":
    case "string":
      return parsed.kind;
    default:
      throw new ManifestError("invalid-input", `type ${type} has no Avro form in a manifest`, {
        type,
      });
  }
}

function named(
  name: string,
  defined: DefinedNames,
  definition: Record<string, unknown>,
): AvroSchema {
  if (defined.has(name)) return name;
  defined.add(name);
  return { ...definition, name } as AvroSchema;
}

/**
 * Avro names are `[A-Za-z_][A-Za-z0-9_]*`; partition field names need not be. Like
 * Java, a leading digit gets a `_` prefix and any other character becomes `_x<HEX>`.
 * Readers match fields by id, so the name only has to be valid.
 */
export function avroName(name: string): string {
  let out = "";
  for (const [i, char] of [...name].entries()) {
    const ok = /[A-Za-z_]/.test(char) || (i > 0 && /[0-9]/.test(char));
    if (ok) out += char;
    else if (/[0-9]/.test(char)) out += `_${char}`;
    else out += `_x${(char.codePointAt(0) as number).toString(16).toUpperCase()}`;
  }
  return out || "_";
}
