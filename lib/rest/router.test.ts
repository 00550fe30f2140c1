import { describe, expect, it } from "vitest";
import { RestError } from "./errors";
import { encodePrefix, segmentsUnder } from "./identifiers";
import { ENDPOINTS, router } from "./routes";

const segments = (path: string) => segmentsUnder(path, "/iceberg") as string[];

describe("router", () => {
  it("matches routes and decodes their parameters: prefix, multi-level namespace, names with / . and spaces", () => {
    const match = router.match("GET", segments(`/iceberg/v1/${encodePrefix("lake/raw")}/namespaces/a%1Fb.c/tables/tab%2Fle+x`));
    expect(match).toMatchObject({ kind: "route", route: { name: "loadTable" }, params: { catalog: "lake/raw", namespace: ["a", "b.c"], table: "tab/le x" } });
    expect(router.match("POST", segments("/iceberg/v1/lake/tables/rename"))).toMatchObject({ kind: "route", route: { name: "renameTable" } });
    expect(router.match("GET", segments("/iceberg/v1/config"))).toMatchObject({ kind: "route", route: { name: "getConfig" } });
  });

  it("tells a wrong method from an unknown path", () => {
    expect(router.match("PUT", segments("/iceberg/v1/lake/namespaces"))).toEqual({ kind: "method-not-allowed", allowed: ["GET", "POST"] });
    expect(router.match("GET", segments("/iceberg/v1/lake/namespaces/a/nothing"))).toEqual({ kind: "none" });
    expect(segmentsUnder("/api/ping", "/iceberg")).toBeNull();
  });

  it("refuses malformed escapes and control characters as 400", () => {
    for (const path of ["/iceberg/v1/lake/namespaces/%ZZ", "/iceberg/v1/lake/namespaces/a%00b", "/iceberg/v1/lake/namespaces/a/tables/t%07"]) {
      expect(() => router.match("GET", segments(path)), path).toThrow(RestError);
    }
  });

  it("advertises every catalog endpoint it serves, views included, in the spec's notation", () => {
    expect(ENDPOINTS).toContain("GET /v1/{prefix}/namespaces/{namespace}/tables/{table}");
    expect(ENDPOINTS).toContain("POST /v1/{prefix}/transactions/commit");
    expect(ENDPOINTS).toContain("HEAD /v1/{prefix}/namespaces/{namespace}/views/{view}");
    expect(ENDPOINTS).toHaveLength(router.routes.length - 1);
    expect(ENDPOINTS.some((e) => e.includes("config") || e.includes("oauth"))).toBe(false);
  });
});
