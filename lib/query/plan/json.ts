/**
 * JSON for DuckDB's parse trees, keeping every number exactly as written. `JSON.parse`
 * would round 64-bit values (snapshot ids, `query_location` 2^64-1 for "none") and turn
 * `10.0` into `10`, which DuckDB's deserializer then refuses as the wrong type. Numbers
 * that are safe integers come back as numbers; any other number stays a `RawNumber`
 * holding its text, and is written back verbatim.
 */

export class RawNumber {
  constructor(readonly text: string) {}
}

export type Json = null | boolean | number | string | RawNumber | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof RawNumber);
}

export function parseJson(text: string): Json {
  const parser = new Parser(text);
  const value = parser.value();
  parser.end();
  return value;
}

export function stringifyJson(value: Json): string {
  if (value instanceof RawNumber) return value.text;
  if (Array.isArray(value)) return `[${value.map(stringifyJson).join(",")}]`;
  if (isObject(value)) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${stringifyJson(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

const NUMBER = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const INTEGER = /^-?[0-9]+$/;

class Parser {
  private i = 0;
  constructor(private readonly text: string) {}

  value(): Json {
    this.skipSpace();
    const c = this.text[this.i];
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') return this.string();
    if (c === "t") return this.literal("true", true);
    if (c === "f") return this.literal("false", false);
    if (c === "n") return this.literal("null", null);
    return this.number();
  }

  end(): void {
    this.skipSpace();
    if (this.i !== this.text.length) this.fail();
  }

  private object(): JsonObject {
    const out: JsonObject = {};
    this.i++;
    this.skipSpace();
    if (this.text[this.i] === "}") {
      this.i++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      const key = this.string();
      this.expect(":");
      out[key] = this.value();
      this.skipSpace();
      if (this.text[this.i++] === "}") return out;
      if (this.text[this.i - 1] !== ",") this.fail();
    }
  }

  private array(): Json[] {
    const out: Json[] = [];
    this.i++;
    this.skipSpace();
    if (this.text[this.i] === "]") {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.skipSpace();
      if (this.text[this.i++] === "]") return out;
      if (this.text[this.i - 1] !== ",") this.fail();
    }
  }

  private string(): string {
    if (this.text[this.i] !== '"') this.fail();
    let j = this.i + 1;
    let escaped = false;
    while (j < this.text.length) {
      const c = this.text[j];
      if (c === "\\") {
        escaped = true;
        j += 2;
      } else if (c === '"') break;
      else j++;
    }
    if (j >= this.text.length) this.fail();
    const raw = this.text.slice(this.i, j + 1);
    this.i = j + 1;
    return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }

  private number(): number | RawNumber {
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.text);
    if (!m) this.fail();
    const text = (m as RegExpExecArray)[0];
    this.i += text.length;
    const n = Number(text);
    return INTEGER.test(text) && Number.isSafeInteger(n) ? n : new RawNumber(text);
  }

  private literal<T extends Json>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.i)) this.fail();
    this.i += word.length;
    return value;
  }

  private expect(c: string): void {
    this.skipSpace();
    if (this.text[this.i++] !== c) this.fail();
  }

  private skipSpace(): void {
    while (this.i < this.text.length && " \t\n\r".includes(this.text[this.i])) this.i++;
  }

  private fail(): never {
    throw new Error(`Invalid JSON at offset ${this.i}`);
  }
}
