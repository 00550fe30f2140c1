/**
 * PostgreSQL's text form of an array → JSON, so DuckDB can read it as a list: `{1,NULL,3}`
 * → `["1",null,"3"]`, `{"a b","say \"hi\""}` → `["a b","say \"hi\""]`, `{{1,2},{3,4}}` →
 * `[["1","2"],["3","4"]]`. Elements stay text (each is cast by its element type's own
 * rule, column-types.ts); an unquoted NULL is null. A `[1:3]=` bounds prefix is dropped.
 */

export function pgArrayToJson(text: string): string {
  const reader = new ArrayText(text);
  return JSON.stringify(reader.read());
}

type Element = string | null | Element[];

class ArrayText {
  private i: number;

  constructor(private readonly text: string) {
    // Arrays whose lower bound is not 1 are written with their bounds first: "[0:1]={a,b}".
    this.i = text.startsWith("[") ? text.indexOf("=") + 1 : 0;
  }

  read(): Element[] {
    const value = this.array();
    if (this.text.slice(this.i).trim() !== "") this.fail();
    return value;
  }

  private array(): Element[] {
    this.skipSpace();
    if (this.text[this.i] !== "{") this.fail();
    this.i++;
    const out: Element[] = [];
    this.skipSpace();
    if (this.text[this.i] === "}") {
      this.i++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      out.push(this.element());
      this.skipSpace();
      const c = this.text[this.i++];
      if (c === "}") return out;
      if (c !== ",") this.fail();
    }
  }

  private element(): Element {
    const c = this.text[this.i];
    if (c === "{") return this.array();
    if (c === '"') return this.quoted();
    const start = this.i;
    while (this.i < this.text.length && !",}".includes(this.text[this.i])) this.i++;
    const raw = this.text.slice(start, this.i).trim();
    return raw.toUpperCase() === "NULL" ? null : raw;
  }

  private quoted(): string {
    let out = "";
    for (this.i++; this.i < this.text.length; this.i++) {
      const c = this.text[this.i];
      if (c === '"') {
        this.i++;
        return out;
      }
      if (c === "\\") this.i++;
      out += this.text[this.i] ?? "";
    }
    return this.fail();
  }

  private skipSpace(): void {
    while (this.i < this.text.length && /\s/.test(this.text[this.i])) this.i++;
  }

  private fail(): never {
    throw new Error(`Not a PostgreSQL array at offset ${this.i}`);
  }
}
