import { describe, expect, it } from "vitest";
import { compareHits, type Matchable, matchOf, queryTerms, tagTerm } from "./rank";

const obj = (name: string, extra: Partial<Matchable> = {}): Matchable => ({
  name,
  pathWords: [],
  comment: null,
  ...extra,
});

describe("matchOf", () => {
  it.each([
    ["orders", obj("orders"), "exact"],
    ["ORDERS", obj("Orders"), "exact"],
    ["order", obj("orders"), "prefix"],
    ["der", obj("orders"), "name"],
    ["sales orders", obj("orders", { pathWords: ["sales"] }), "path"],
    ["refund", obj("payments", { comment: "Payments and Refunds" }), "comment"],
    ["customer_id", obj("orders", { extraLines: ["order_id", "customer_id"] }), "column"],
    ["customer order", obj("orders", { extraLines: ["customer_id"] }), "column"],
    ["nothing", obj("orders", { comment: "x", extraLines: ["y"] }), null],
    ["   ", obj("orders"), null],
  ])("%s in %o → %s", (query, object, expected) => {
    expect(matchOf(queryTerms(query), object)?.match ?? null).toBe(expected);
  });

  it("says which columns matched", () => {
    expect(
      matchOf(["id"], obj("t", { extraLines: ["order_id", "amount", "customer_id"] }))?.columns,
    ).toEqual(["order_id", "customer_id"]);
  });
});

describe("compareHits", () => {
  it("orders exact > prefix > contains > comment > column; nearer and shorter first; catalogs first on ties", () => {
    const hits = [
      { match: "column", position: 0, name: "a", kind: "table" },
      { match: "name", position: 3, name: "my_orders", kind: "table" },
      { match: "name", position: 1, name: "xorders", kind: "table" },
      { match: "prefix", position: 0, name: "orders_archive", kind: "table" },
      { match: "prefix", position: 0, name: "orders_v2", kind: "table" },
      { match: "comment", position: 0, name: "b", kind: "table" },
      { match: "exact", position: 0, name: "orders", kind: "table" },
      { match: "exact", position: 0, name: "orders", kind: "namespace" },
      { match: "exact", position: 0, name: "orders", kind: "catalog" },
    ] as const;
    const sorted = [...hits].sort(compareHits).map((h) => `${h.kind}:${h.name}`);
    expect(sorted).toEqual([
      "catalog:orders",
      "namespace:orders",
      "table:orders",
      "table:orders_v2",
      "table:orders_archive",
      "table:xorders",
      "table:my_orders",
      "table:b",
      "table:a",
    ]);
  });
});

describe("tags", () => {
  const tagged = (
    tags: { key: string; value: string; from: string }[],
    extra: Partial<Matchable> = {},
  ) => obj("t", { tags, ...extra });
  it.each([
    ["pii", tagged([{ key: "pii", value: "true", from: "table" }]), "tag"],
    ["pii", tagged([{ key: "class", value: "PII", from: "column email" }]), "tag"],
    ["domain=sales", tagged([{ key: "Domain", value: "Sales", from: "namespace sales" }]), "tag"],
    ["domain=sales", tagged([{ key: "domain", value: "salesforce", from: "table" }]), null],
    ["domain=", tagged([{ key: "domain", value: "x", from: "table" }]), null],
    [
      "sales pii",
      tagged([{ key: "pii", value: "true", from: "table" }], { pathWords: ["sales"] }),
      "tag",
    ],
    [
      "id pii",
      tagged([{ key: "pii", value: "true", from: "table" }], { extraLines: ["id"] }),
      "column",
    ],
  ])("%s in %o → %s", (query, object, expected) => {
    expect(matchOf(queryTerms(query), object)?.match ?? null).toBe(expected);
  });

  it("says which tags matched", () => {
    const tags = [
      { key: "pii", value: "true", from: "column email" },
      { key: "domain", value: "sales", from: "namespace sales" },
    ];
    expect(matchOf(["pii"], obj("t", { tags }))?.tags).toEqual([tags[0]]);
  });

  it("ranks a tag match like a column match", () => {
    const a = { match: "tag" as const, position: 0, name: "a", kind: "table" };
    const b = { match: "column" as const, position: 0, name: "bb", kind: "table" };
    expect(compareHits(b, a)).toBeGreaterThan(0);
    expect(compareHits({ ...a, match: "comment" }, b)).toBeLessThan(0);
  });

  it.each([
    ["domain=sales", { key: "domain", value: "sales" }],
    ["a=b=c", { key: "a", value: "b=c" }],
    ["=x", null],
    ["x=", null],
    ["pii", null],
  ])("%s as a tag term → %o", (term, expected) => {
    expect(tagTerm(term)).toEqual(expected);
  });
});
