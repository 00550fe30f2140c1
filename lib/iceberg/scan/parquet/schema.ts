/**
 * A Parquet file's schema as a tree: what Tarn needs to map the file's columns to Iceberg
 * fields (field ids, names, list/map structure, the UUID annotation). Read from the
 * footer's flat `SchemaElement` list (Parquet's `FileMetaData.schema`).
 */
import { CompactReader, T } from "./thrift-compact";

export type PhysicalType =
  | "BOOLEAN"
  | "INT32"
  | "INT64"
  | "INT96"
  | "FLOAT"
  | "DOUBLE"
  | "BYTE_ARRAY"
  | "FIXED_LEN_BYTE_ARRAY";

export interface ParquetField {
  name: string;
  fieldId?: number;
  repetition: "required" | "optional" | "repeated";
  /** Leaves only. */
  physicalType?: PhysicalType;
  /** LIST, MAP, UUID, … from the logical type, or the legacy converted type. */
  annotation?: string;
  children: ParquetField[];
}

const PHYSICAL: PhysicalType[] = [
  "BOOLEAN",
  "INT32",
  "INT64",
  "INT96",
  "FLOAT",
  "DOUBLE",
  "BYTE_ARRAY",
  "FIXED_LEN_BYTE_ARRAY",
];
const REPETITION = ["required", "optional", "repeated"] as const;
/** Converted types that shape the tree: MAP, MAP_KEY_VALUE, LIST. */
const CONVERTED: Record<number, string> = { 1: "MAP", 2: "MAP_KEY_VALUE", 3: "LIST" };
/** Logical-type union members we care about, by their Thrift field id. */
const LOGICAL: Record<number, string> = { 2: "MAP", 3: "LIST", 14: "UUID" };

interface SchemaElement extends Omit<ParquetField, "children"> {
  numChildren: number;
}

/** The top-level columns of a Parquet file, from the Thrift-encoded `FileMetaData`. */
export function parseParquetSchema(footer: Uint8Array): ParquetField[] {
  const reader = new CompactReader(footer);
  const elements: SchemaElement[] = [];
  reader.readStruct((field) => {
    if (field.id === 2 && field.type === T.LIST) {
      reader.readList(() => elements.push(readElement(reader)));
    } else {
      reader.skip(field.type);
    }
  });
  if (elements.length === 0) throw new Error("Parquet footer has no schema");
  const cursor = { next: 1 };
  return buildChildren(elements, cursor, elements[0].numChildren);
}

function readElement(reader: CompactReader): SchemaElement {
  const element: SchemaElement = { name: "", repetition: "required", numChildren: 0 };
  reader.readStruct((field) => {
    switch (field.id) {
      case 1:
        element.physicalType = PHYSICAL[reader.i32()];
        return;
      case 3:
        element.repetition = REPETITION[reader.i32()] ?? "optional";
        return;
      case 4:
        element.name = reader.string();
        return;
      case 5:
        element.numChildren = reader.i32();
        return;
      case 6:
        element.annotation ??= CONVERTED[reader.i32()];
        return;
      case 9:
        element.fieldId = reader.i32();
        return;
      case 10:
        element.annotation = readLogical(reader) ?? element.annotation;
        return;
      default:
        reader.skip(field.type);
    }
  });
  return element;
}

function readLogical(reader: CompactReader): string | undefined {
  let annotation: string | undefined;
  reader.readStruct((member) => {
    annotation = LOGICAL[member.id] ?? annotation;
    reader.skip(member.type);
  });
  return annotation;
}

function buildChildren(
  elements: SchemaElement[],
  cursor: { next: number },
  count: number,
): ParquetField[] {
  const children: ParquetField[] = [];
  for (let i = 0; i < count; i++) {
    const element = elements[cursor.next++];
    if (!element) throw new Error("Parquet schema ends early");
    const { numChildren, ...rest } = element;
    children.push({ ...rest, children: buildChildren(elements, cursor, numChildren) });
  }
  return children;
}
