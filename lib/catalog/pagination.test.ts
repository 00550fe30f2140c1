import { describe, expect, it } from "vitest";
import { pageQuery, toPage } from "./pagination";

const token = (after: string) => Buffer.from(JSON.stringify({ a: after }), "utf8").toString("base64url");

describe("page tokens", () => {
  it("round-trip the key after which the next page starts, namespace separators included", () => {
    const rows = ["a", "b", "c"].map((name) => ({ name }));
    const first = toPage(rows, pageQuery({ pageSize: 2 }), (r) => r.name, (r) => r.name);
    expect(first.items).toEqual(["a", "b"]);
    expect(pageQuery({ pageToken: first.nextPageToken ?? undefined, pageSize: 2 }).after).toBe("b");
    expect(pageQuery({ pageToken: token("sales\u001feu"), pageSize: 2 }).after).toBe("sales\u001feu");
  });

  it.each([["not base64 json", "%%%"], ["no key", Buffer.from("{}").toString("base64url")], ["a NUL", token("a\u0000b")], ["a newline", token("a\nb")]])(
    "refuses a token with %s, with one message",
    (_, bad) => {
      expect(() => pageQuery({ pageToken: bad, pageSize: 2 })).toThrow("The page token is not valid; start again without one.");
    },
  );
});
