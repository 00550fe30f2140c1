/**
 * Text with some spans replaced, and the way back: an offset into the edited text maps to
 * the offset in the original it came from (inside a replaced span: the span's start).
 */
export interface Replacement {
  start: number;
  end: number;
  text: string;
}

export interface EditedText {
  text: string;
  toOriginal(offset: number): number;
}

export function applyReplacements(original: string, replacements: Replacement[]): EditedText {
  const sorted = [...replacements].sort((a, b) => a.start - b.start);
  let text = "";
  let at = 0;
  const spans: { editedStart: number; editedEnd: number; start: number; end: number }[] = [];
  for (const r of sorted) {
    if (r.start < at) continue;
    text += original.slice(at, r.start);
    spans.push({ editedStart: text.length, editedEnd: text.length + r.text.length, start: r.start, end: r.end });
    text += r.text;
    at = r.end;
  }
  text += original.slice(at);
  return {
    text,
    toOriginal(offset: number): number {
      let delta = 0;
      for (const s of spans) {
        if (offset < s.editedStart) break;
        if (offset < s.editedEnd) return s.start;
        delta = s.end - s.editedEnd;
      }
      return Math.max(0, Math.min(original.length, offset + delta));
    },
  };
}

/** A UTF-8 byte offset (what DuckDB reports) → a UTF-16 index into `text`. */
export function byteToIndex(text: string, byteOffset: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    if (bytes >= byteOffset) return i;
    const code = text.codePointAt(i) as number;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (code >= 0x10000) i++;
  }
  return text.length;
}
