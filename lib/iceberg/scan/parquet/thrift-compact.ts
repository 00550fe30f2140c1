/**
 * Just enough of Thrift's compact protocol to read a Parquet footer: structs, lists and
 * the scalar types, with a generic skip for everything we do not look at.
 * (https://github.com/apache/thrift/blob/master/doc/specs/thrift-compact-protocol.md)
 */
export const T = {
  STOP: 0,
  TRUE: 1,
  FALSE: 2,
  BYTE: 3,
  I16: 4,
  I32: 5,
  I64: 6,
  DOUBLE: 7,
  BINARY: 8,
  LIST: 9,
  SET: 10,
  MAP: 11,
  STRUCT: 12,
} as const;

export interface FieldHeader {
  id: number;
  type: number;
}

export class CompactReader {
  private pos = 0;

  constructor(private readonly bytes: Uint8Array) {}

  /** Calls `onField` for each field of the struct at the cursor; it must consume or skip. */
  readStruct(onField: (field: FieldHeader) => void): void {
    let lastId = 0;
    for (;;) {
      const byte = this.byte();
      if (byte === T.STOP) return;
      const type = byte & 0x0f;
      const delta = byte >> 4;
      const id = delta === 0 ? this.zigzag32() : lastId + delta;
      lastId = id;
      onField({ id, type });
    }
  }

  /** Reads a list header and calls `onElement` once per element. */
  readList(onElement: (elementType: number) => void): void {
    const header = this.byte();
    const size = header >> 4 === 15 ? this.varint() : header >> 4;
    const elementType = header & 0x0f;
    for (let i = 0; i < size; i++) onElement(elementType);
  }

  i32(): number {
    return this.zigzag32();
  }

  string(): string {
    const length = this.varint();
    const text = new TextDecoder().decode(this.bytes.subarray(this.pos, this.pos + length));
    this.pos += length;
    return text;
  }

  skip(type: number): void {
    switch (type) {
      case T.TRUE:
      case T.FALSE:
        return; // a struct field's boolean lives in its header
      case T.BYTE:
        this.pos += 1;
        return;
      case T.I16:
      case T.I32:
      case T.I64:
        this.varintBig();
        return;
      case T.DOUBLE:
        this.pos += 8;
        return;
      case T.BINARY: {
        const length = this.varint(); // read before `pos` is, or the length byte is lost
        this.pos += length;
        return;
      }
      case T.LIST:
      case T.SET:
        this.readList((elementType) => this.skipElement(elementType));
        return;
      case T.MAP:
        this.skipMap();
        return;
      case T.STRUCT:
        this.readStruct((field) => this.skip(field.type));
        return;
      default:
        throw new Error(`unknown Thrift compact type ${type} at byte ${this.pos}`);
    }
  }

  /** Booleans inside collections take a byte each, unlike struct fields. */
  private skipElement(type: number): void {
    if (type === T.TRUE || type === T.FALSE) this.pos += 1;
    else this.skip(type);
  }

  private skipMap(): void {
    const size = this.varint();
    if (size === 0) return;
    const types = this.byte();
    for (let i = 0; i < size; i++) {
      this.skipElement(types >> 4);
      this.skipElement(types & 0x0f);
    }
  }

  private byte(): number {
    if (this.pos >= this.bytes.length) throw new Error("Thrift data ends early");
    return this.bytes[this.pos++];
  }

  private varint(): number {
    return Number(this.varintBig());
  }

  private varintBig(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const byte = this.byte();
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
    }
  }

  private zigzag32(): number {
    const n = this.varint();
    return (n >>> 1) ^ -(n & 1);
  }
}
