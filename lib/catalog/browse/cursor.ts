/**
 * Tree cursors: a keyset position — which section of a node's children (child catalogs,
 * namespaces, tables…) and the last key returned in it — so each page is one indexed
 * range query however deep into 100,000 tables it is.
 */
import { AppError } from "@/lib/errors";

export interface TreeCursor {
  section: number;
  after?: string;
}

export function encodeCursor(cursor: TreeCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.section, a: cursor.after }), "utf8").toString(
    "base64url",
  );
}

export function decodeCursor(text: string | undefined): TreeCursor {
  if (!text) return { section: 0 };
  try {
    const value = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as {
      s?: unknown;
      a?: unknown;
    };
    if (
      Number.isInteger(value.s) &&
      (value.s as number) >= 0 &&
      (value.a === undefined || typeof value.a === "string")
    ) {
      return { section: value.s as number, after: value.a as string | undefined };
    }
  } catch {
    // the same answer for every malformed cursor
  }
  throw new AppError(
    "bad_request",
    "The list cursor is not valid; start again from the first page.",
  );
}

/** One kind of child: rows strictly after a key, in key order. */
export interface Section<T> {
  fetch(after: string | undefined, take: number): Promise<T[]>;
  keyOf(row: T): string;
}

/**
 * Fills a page from the sections in order, starting at the cursor. Asks each section for
 * one row more than there is room for, which tells whether anything follows.
 */
export async function pageThrough<T>(
  sections: Section<T>[],
  cursor: TreeCursor,
  limit: number,
): Promise<{ rows: T[]; next: TreeCursor | null }> {
  const rows: T[] = [];
  for (let s = cursor.section; s < sections.length; s++) {
    const after = s === cursor.section ? cursor.after : undefined;
    const room = limit - rows.length;
    const fetched = await sections[s].fetch(after, room + 1);
    if (fetched.length > room) {
      rows.push(...fetched.slice(0, room));
      return {
        rows,
        next: { section: s, after: room > 0 ? sections[s].keyOf(fetched[room - 1]) : after },
      };
    }
    rows.push(...fetched);
  }
  return { rows, next: null };
}
