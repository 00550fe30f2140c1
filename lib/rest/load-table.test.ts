import { describe, expect, it } from "vitest";
import { etagOf, matchesEtag, snapshotModeOf } from "./codecs/load-table";

describe("loadTable ETags", () => {
  const etag = etagOf("/w/t/metadata/00001-a.metadata.json", "all");

  it("differ by metadata location and by snapshots mode", () => {
    expect(etagOf("/w/t/metadata/00002-b.metadata.json", "all")).not.toBe(etag);
    expect(etagOf("/w/t/metadata/00001-a.metadata.json", "refs")).not.toBe(etag);
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
  });

  it("match If-None-Match: exact, weak, in a list, or *", () => {
    expect(matchesEtag(etag, etag)).toBe(true);
    expect(matchesEtag(`W/${etag}`, etag)).toBe(true);
    expect(matchesEtag(`"x", ${etag}`, etag)).toBe(true);
    expect(matchesEtag("*", etag)).toBe(true);
    expect(matchesEtag('"x"', etag)).toBe(false);
    expect(matchesEtag(null, etag)).toBe(false);
  });

  it("read the snapshots parameter", () => {
    expect(snapshotModeOf(new URL("http://x/t"))).toBe("all");
    expect(snapshotModeOf(new URL("http://x/t?snapshots=refs"))).toBe("refs");
    expect(() => snapshotModeOf(new URL("http://x/t?snapshots=some"))).toThrow();
  });
});
