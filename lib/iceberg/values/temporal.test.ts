import { describe, expect, it } from "vitest";
import {
  civilFromDays,
  daysFromCivil,
  floorDivBig,
  formatDate,
  formatTimestamp,
  parseDate,
  parseTimestamp,
} from "./temporal";

describe("calendar arithmetic", () => {
  it("agrees with JS Date over ±3000 years", () => {
    for (let days = -1_100_000; days <= 1_100_000; days += 997) {
      const d = new Date(days * 86_400_000);
      expect(civilFromDays(days)).toEqual({
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
      });
      expect(daysFromCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(days);
    }
  });

  it.each([
    [0, "1970-01-01"],
    [-1, "1969-12-31"],
    [17501, "2017-12-01"],
    [-719528, "0000-01-01"],
    [-719529, "-0001-12-31"],
    [2932897, "+10000-01-01"],
  ])("day %i is %s", (days, text) => {
    expect(formatDate(days)).toBe(text);
    expect(parseDate(text)).toBe(days);
  });

  it("checks dates for real days", () => {
    expect(parseDate("2024-02-29")).toBe(19782);
    expect(() => parseDate("2023-02-29")).toThrow(/valid date/);
    expect(() => parseDate("2023-13-01")).toThrow(/valid date/);
  });

  it("floors negative divisions", () => {
    expect(floorDivBig(-1n, 10n)).toBe(-1n);
    expect(floorDivBig(-10n, 10n)).toBe(-1n);
    expect(floorDivBig(9n, 10n)).toBe(0n);
    expect(floorDivBig(-11n, -10n)).toBe(1n);
  });

  it("formats and parses timestamps either side of the epoch", () => {
    expect(formatTimestamp(-1n, 9, true)).toBe("1969-12-31T23:59:59.999999999+00:00");
    expect(parseTimestamp("1969-12-31T23:59:59.999999", 6, "forbidden", "timestamp")).toBe(-1n);
    expect(parseTimestamp("2017-11-16T22:31", 6, "optional", "timestamp")).toBe(1510871460000000n);
    expect(parseTimestamp("2017-11-16T14:31:08-0800", 6, "optional", "timestamptz")).toBe(
      1510871468000000n,
    );
  });
});
