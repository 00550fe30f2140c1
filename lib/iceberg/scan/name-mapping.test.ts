import { describe, expect, it } from "vitest";
import { findMapped, nameMappingOf, parseNameMapping } from "./name-mapping";

describe("name mapping", () => {
  it("parses nested mappings with several names per field", () => {
    const mapping = parseNameMapping(
      '[{"names":["id","ident"],"field-id":1},{"names":["loc"],"field-id":2,"fields":[{"names":["lat"],"field-id":3}]},{"names":["x"]}]',
    );
    expect(findMapped(mapping, "ident")?.fieldId).toBe(1);
    expect(findMapped(findMapped(mapping, "loc")?.fields ?? [], "lat")?.fieldId).toBe(3);
    expect(findMapped(mapping, "x")).toEqual({ names: ["x"], fields: [] });
    expect(findMapped(mapping, "nope")).toBeUndefined();
  });

  it("is absent without the table property, and refuses malformed JSON", () => {
    expect(nameMappingOf({})).toBeUndefined();
    expect(() => parseNameMapping("{")).toThrow(/not valid JSON/);
    expect(() => parseNameMapping('{"names":[]}')).toThrow(/list of mapped fields/);
  });
});
