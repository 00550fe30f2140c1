/**
 * Exact JSON for Iceberg metadata.
 *
 * `JSON.parse` turns every number into a double, so a snapshot id such as
 * 3055729675574597004 silently becomes 3055729675574597000. This parser keeps the text
 * of every integer literal that does not fit a double exactly (outside ±(2^53 − 1)) and
 * returns it as a `bigint`; all other numbers are plain `number`s. The metadata readers
 * then turn known 64-bit id fields into `bigint` whatever their size, so callers see one
 * type per field. `stringifyJson` prints a `bigint` as a plain JSON number, so ids
 * survive parse → stringify digit for digit.
 *
 * The parser is strict RFC 8259: no comments, no trailing commas, no duplicate keys in
 * one object (a metadata file with two "current-snapshot-id"s is ambiguous, not valid).
 */

export type JsonPrimitive = null | boolean | number | bigint | string;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Invalid JSON text; `position` is a 0-based character offset, `line`/`column` 1-based. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly position: number,
    readonly line: number,
    readonly column: number,
  ) {
    super(`Invalid JSON at line ${line}, column ${column} (position ${position}): ${reason}`);
    this.name = "JsonSyntaxError";
  }
}

/** Parses JSON text; integers beyond ±(2^53 − 1) come back as `bigint`. */
export function parseJson(text: string): JsonValue {
  return new JsonParser(text).parseDocument();
}

export interface StringifyOptions {
  /** Spaces per level; 0 or absent writes compact JSON. */
  indent?: number;
}

/**
 * Writes JSON like `JSON.stringify`, except that `bigint` becomes a plain number and
 * non-finite numbers are refused (JSON cannot hold them; silently writing null would
 * corrupt a value). Object entries whose value is `undefined` are skipped.
 */
export function stringifyJson(value: unknown, options: StringifyOptions = {}): string {
  const indent = options.indent ? " ".repeat(options.indent) : "";
  return writeValue(value, indent, "", "$");
}

/** True for `number`s and `bigint`s that are whole numbers. */
export function isJsonInteger(value: unknown): value is number | bigint {
  return typeof value === "bigint" || (typeof value === "number" && Number.isInteger(value));
}

function writeValue(value: unknown, indent: string, current: string, path: string): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      return value.toString();
    case "number":
      if (!Number.isFinite(value)) {
        throw new TypeError(`Cannot write ${value} at ${path} as JSON`);
      }
      return JSON.stringify(value);
    case "string":
      return JSON.stringify(value);
    case "object":
      return Array.isArray(value)
        ? writeArray(value, indent, current, path)
        : writeObject(value as Record<string, unknown>, indent, current, path);
    default:
      throw new TypeError(`Cannot write a ${typeof value} at ${path} as JSON`);
  }
}

function writeArray(items: unknown[], indent: string, current: string, path: string): string {
  if (items.length === 0) return "[]";
  const inner = current + indent;
  const parts = items.map((item, i) =>
    writeValue(item === undefined ? null : item, indent, inner, `${path}[${i}]`),
  );
  return wrap("[", parts, "]", indent, current);
}

function writeObject(
  obj: Record<string, unknown>,
  indent: string,
  current: string,
  path: string,
): string {
  const inner = current + indent;
  const separator = indent ? ": " : ":";
  const parts: string[] = [];
  for (const [key, item] of Object.entries(obj)) {
    if (item === undefined) continue;
    const text = writeValue(item, indent, inner, `${path}.${key}`);
    parts.push(JSON.stringify(key) + separator + text);
  }
  if (parts.length === 0) return "{}";
  return wrap("{", parts, "}", indent, current);
}

function wrap(open: string, parts: string[], close: string, indent: string, current: string) {
  if (!indent) return open + parts.join(",") + close;
  const inner = current + indent;
  return `${open}\n${inner}${parts.join(`,\n${inner}`)}\n${current}${close}`;
}

// JSON number grammar (RFC 8259 §6), matched at the cursor with a sticky regex.
const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;

class JsonParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parseDocument(): JsonValue {
    this.skipWhitespace();
    const value = this.parseValue();
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail(`unexpected ${this.describeHere()} after the value`);
    return value;
  }

  private parseValue(): JsonValue {
    const ch = this.text[this.pos];
    switch (ch) {
      case "{":
        return this.parseObject();
      case "[":
        return this.parseArray();
      case '"':
        return this.parseString();
      case "t":
        return this.parseWord("true", true);
      case "f":
        return this.parseWord("false", false);
      case "n":
        return this.parseWord("null", null);
      default:
        if (ch === "-" || (ch >= "0" && ch <= "9")) return this.parseNumber();
        return this.fail(`expected a value but found ${this.describeHere()}`);
    }
  }

  private parseObject(): JsonObject {
    const obj: JsonObject = {};
    this.pos++; // {
    this.skipWhitespace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return obj;
    }
    for (;;) {
      if (this.text[this.pos] !== '"')
        this.fail(`expected a quoted key but found ${this.describeHere()}`);
      const keyStart = this.pos;
      const key = this.parseString();
      if (Object.hasOwn(obj, key)) this.fail(`duplicate key ${JSON.stringify(key)}`, keyStart);
      this.skipWhitespace();
      this.expect(":");
      this.skipWhitespace();
      setOwn(obj, key, this.parseValue());
      this.skipWhitespace();
      if (this.text[this.pos] === "}") {
        this.pos++;
        return obj;
      }
      this.expect(",", "',' or '}'");
      this.skipWhitespace();
    }
  }

  private parseArray(): JsonValue[] {
    const items: JsonValue[] = [];
    this.pos++; // [
    this.skipWhitespace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return items;
    }
    for (;;) {
      items.push(this.parseValue());
      this.skipWhitespace();
      if (this.text[this.pos] === "]") {
        this.pos++;
        return items;
      }
      this.expect(",", "',' or ']'");
      this.skipWhitespace();
    }
  }

  private parseString(): string {
    const start = ++this.pos; // opening quote
    let out = "";
    let chunkStart = start;
    for (;;) {
      const code = this.text.charCodeAt(this.pos);
      if (Number.isNaN(code)) this.fail("unterminated string", start - 1);
      if (code === 0x22 /* " */) {
        out += this.text.slice(chunkStart, this.pos);
        this.pos++;
        return out;
      }
      if (code === 0x5c /* \ */) {
        out += this.text.slice(chunkStart, this.pos);
        out += this.parseEscape();
        chunkStart = this.pos;
        continue;
      }
      if (code < 0x20) this.fail("control character in string (must be escaped)");
      this.pos++;
    }
  }

  private parseEscape(): string {
    const ch = this.text[this.pos + 1];
    this.pos += 2;
    switch (ch) {
      case '"':
        return '"';
      case "\\":
        return "\\";
      case "/":
        return "/";
      case "b":
        return "\b";
      case "f":
        return "\f";
      case "n":
        return "\n";
      case "r":
        return "\r";
      case "t":
        return "\t";
      case "u": {
        const hex = this.text.slice(this.pos, this.pos + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("invalid \\u escape", this.pos - 2);
        this.pos += 4;
        return String.fromCharCode(Number.parseInt(hex, 16));
      }
      default:
        return this.fail(`invalid escape \\${ch ?? ""}`, this.pos - 2);
    }
  }

  private parseNumber(): number | bigint {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) return this.fail(`invalid number starting with ${this.describeHere()}`);
    const literal = match[0];
    this.pos += literal.length;
    const value = Number(literal);
    const isIntegerLiteral = match[1] === undefined && match[2] === undefined;
    // Only integer literals can be kept exactly; a fraction or exponent is a double anyway.
    if (isIntegerLiteral && !Number.isSafeInteger(value)) {
      return BigInt(literal);
    }
    return value;
  }

  private parseWord<T extends JsonValue>(word: string, value: T): T {
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length;
      return value;
    }
    return this.fail(`expected a value but found ${this.describeHere()}`);
  }

  private expect(ch: string, description = `'${ch}'`): void {
    if (this.text[this.pos] !== ch)
      this.fail(`expected ${description} but found ${this.describeHere()}`);
    this.pos++;
  }

  private skipWhitespace(): void {
    for (;;) {
      const code = this.text.charCodeAt(this.pos);
      if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return;
      this.pos++;
    }
  }

  private describeHere(): string {
    if (this.pos >= this.text.length) return "end of input";
    return JSON.stringify(this.text.slice(this.pos, this.pos + 12));
  }

  private fail(reason: string, at = this.pos): never {
    const before = this.text.slice(0, at);
    const line = before.split("\n").length;
    const column = at - before.lastIndexOf("\n");
    throw new JsonSyntaxError(reason, at, line, column);
  }
}

/** Assigns without letting a "__proto__" key reach the prototype chain. */
function setOwn(obj: JsonObject, key: string, value: JsonValue): void {
  if (key === "__proto__") {
    Object.defineProperty(obj, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    obj[key] = value;
  }
}
