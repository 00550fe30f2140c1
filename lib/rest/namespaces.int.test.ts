import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RestEnv, restEnv } from "./testing/env";
import { ns, type RestClient } from "./testing/rest-client";

let env: RestEnv;
let rest: RestClient;
beforeAll(async () => {
  env = await restEnv();
});
afterAll(() => env.close());

describe("namespaces", () => {
  it("creates, loads, lists and checks a namespace, with its properties", async () => {
    rest = await env.freshCatalog();
    const created = await rest.post("namespaces", { namespace: ["sales"], properties: { owner: "ada" } });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ namespace: ["sales"], properties: { owner: "ada" } });
    expect((await rest.get(`namespaces/${ns("sales")}`)).body).toEqual({ namespace: ["sales"], properties: { owner: "ada" } });
    expect((await rest.head(`namespaces/${ns("sales")}`)).status).toBe(204);
    expect((await rest.head(`namespaces/${ns("nope")}`)).status).toBe(404);
    expect((await rest.get("namespaces")).body).toEqual({ namespaces: [["sales"]], "next-page-token": null });
  });

  it("refuses a namespace that exists, and bad names, with the spec's error types", async () => {
    rest = await env.freshCatalog();
    await rest.post("namespaces", { namespace: ["dup"] });
    const again = await rest.post("namespaces", { namespace: ["dup"] });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ type: "AlreadyExistsException", code: 409 });
    expect(again.body.error.message).toContain("dup");
    for (const namespace of [[], [""], ["information_schema"], ["x".repeat(256)], [".."]]) {
      const bad = await rest.post("namespaces", { namespace });
      expect(bad.status, JSON.stringify(namespace)).toBe(400);
      expect(bad.body.error.type).toBe("BadRequestException");
    }
  });

  it("says NoSuchNamespaceException for a missing namespace on every namespace endpoint", async () => {
    rest = await env.freshCatalog();
    const missing = ns("missing");
    for (const res of [
      await rest.get(`namespaces/${missing}`),
      await rest.delete(`namespaces/${missing}`),
      await rest.post(`namespaces/${missing}/properties`, { updates: { a: "b" } }),
      await rest.get(`namespaces/${missing}/tables`),
      await rest.get(`namespaces/${missing}/views`),
      await rest.get(`namespaces?parent=${missing}`),
    ]) {
      expect(res.status, res.operation).toBe(404);
      expect(res.body.error.type, res.operation).toBe("NoSuchNamespaceException");
    }
  });

  it("nests namespaces: levels joined by %1F in paths and in parent", async () => {
    rest = await env.freshCatalog();
    await rest.post("namespaces", { namespace: ["accounting"] });
    await rest.post("namespaces", { namespace: ["accounting", "tax"] });
    await rest.post("namespaces", { namespace: ["accounting", "tax", "paid"] });
    const orphan = await rest.post("namespaces", { namespace: ["nowhere", "child"] });
    expect(orphan.status).toBe(404);
    expect((await rest.get("namespaces")).body.namespaces).toEqual([["accounting"]]);
    expect((await rest.get("namespaces?parent=accounting")).body.namespaces).toEqual([["accounting", "tax"]]);
    expect((await rest.get("namespaces?parent=accounting%1Ftax")).body.namespaces).toEqual([["accounting", "tax", "paid"]]);
    // an empty parent is treated as absent (spec)
    expect((await rest.get("namespaces?parent=")).body.namespaces).toEqual([["accounting"]]);
    expect((await rest.get(`namespaces/${ns("accounting", "tax", "paid")}`)).body.namespace).toEqual(["accounting", "tax", "paid"]);
  });

  it("pages through namespaces with pageToken and pageSize", async () => {
    rest = await env.freshCatalog();
    for (const name of ["a", "b", "c", "d", "e"]) await rest.post("namespaces", { namespace: [name] });
    const seen: string[][] = [];
    let token = "";
    for (let page = 0; page < 5; page++) {
      const res = await rest.get(`namespaces?pageSize=2&pageToken=${encodeURIComponent(token)}`);
      expect(res.body.namespaces.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.namespaces);
      if (res.body["next-page-token"] === null) break;
      token = res.body["next-page-token"];
    }
    expect(seen).toEqual([["a"], ["b"], ["c"], ["d"], ["e"]]);
    expect((await rest.get("namespaces")).body["next-page-token"]).toBeNull();
    for (const bad of ["pageSize=0", "pageSize=-1", "pageSize=abc", "pageToken=%%%", "pageToken=garbage"]) {
      expect((await rest.get(`namespaces?${bad}`)).status, bad).toBe(400);
    }
  });

  it("keeps names with /, ., + and spaces intact through the path", async () => {
    rest = await env.freshCatalog();
    for (const name of ["new/db", "new.db", "a+b", "with space", "ünï©ødé", "50%"]) {
      expect((await rest.post("namespaces", { namespace: [name] })).status, name).toBe(200);
      const loaded = await rest.get(`namespaces/${ns(name)}`);
      expect(loaded.body.namespace, name).toEqual([name]);
      expect((await rest.head(`namespaces/${ns(name)}`)).status, name).toBe(204);
    }
    // Java's URLEncoder writes a space as "+": decoded as a space, as Java's server does.
    expect((await rest.get("namespaces/with+space")).body.namespace).toEqual(["with space"]);
    expect((await rest.get("namespaces")).body.namespaces).toContainEqual(["new/db"]);
  });

  it("drops an empty namespace, and refuses a non-empty one with NamespaceNotEmptyException", async () => {
    rest = await env.freshCatalog();
    await rest.post("namespaces", { namespace: ["full"] });
    await rest.post(`namespaces/${ns("full")}/tables`, { name: "t", schema: { type: "struct", fields: [{ id: 1, name: "x", type: "int", required: false }] } });
    const refused = await rest.delete(`namespaces/${ns("full")}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.type).toBe("NamespaceNotEmptyException");
    expect((await rest.delete(`namespaces/${ns("full")}/tables/t`)).status).toBe(204);
    expect((await rest.delete(`namespaces/${ns("full")}`)).status).toBe(204);
    expect((await rest.head(`namespaces/${ns("full")}`)).status).toBe(404);
  });

  it("updates and removes properties, reporting missing keys, and refuses a key in both (422)", async () => {
    rest = await env.freshCatalog();
    await rest.post("namespaces", { namespace: ["p"], properties: { a: "1", b: "2" } });
    const res = await rest.post(`namespaces/${ns("p")}/properties`, { updates: { c: "3", a: "10" }, removals: ["b", "zz"] });
    expect(res.status).toBe(200);
    expect({ ...res.body, updated: [...res.body.updated].sort() }).toEqual({ updated: ["a", "c"], removed: ["b"], missing: ["zz"] });
    expect((await rest.get(`namespaces/${ns("p")}`)).body.properties).toEqual({ a: "10", c: "3" });
    const both = await rest.post(`namespaces/${ns("p")}/properties`, { updates: { a: "x" }, removals: ["a"] });
    expect(both.status).toBe(422);
    expect(both.body.error.type).toBe("UnprocessableEntityException");
    expect((await rest.get(`namespaces/${ns("p")}`)).body.properties.a).toBe("10");
  });
});
