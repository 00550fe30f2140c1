/**
 * Proves every route handler and every server action refuses a caller without a session.
 * Route handlers are found from app/**\/route.ts; server actions from the build's own
 * manifest, so an action added anywhere is covered without touching this test.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

// Public on purpose, each for a stated reason.
const PUBLIC_ROUTES = new Map([
  ["/api/auth/[...nextauth]", "next-auth's own sign-in endpoints"],
  ["/api/health", "health probe for load balancers and npm start"],
  ["/api/ping", "liveness probe that touches nothing; the benchmarks' empty-handler baseline"],
]);

// Public paths inside a route that is otherwise protected (the Iceberg REST catch-all).
const PUBLIC_PATHS = new Map([["/iceberg/v1/oauth/tokens", "OAuth2 client-credentials grant: engines trade an API client's id and secret for a bearer token"]]);

/** Routes of the Iceberg REST catalog answer in the spec's error shape: `error.code` is the HTTP status. */
const isIcebergRoute = (pattern: string) => pattern.startsWith("/iceberg/");

function routeFiles(dir = "app"): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return /^route\.tsx?$/.test(entry) ? [full] : [];
  });
}

/** app/(group)/api/x/[id]/route.ts → /api/x/[id] */
function routePattern(file: string): string {
  const segments = path.dirname(file).split(path.sep).slice(1).filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

function sampleUrl(pattern: string): string {
  return pattern.replace(/\[\.\.\.[^\]]+\]/g, "a/b").replace(/\[[^\]]+\]/g, "sample");
}

function exportedMethods(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const methods = new Set<string>();
  for (const m of text.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD)\b/g)) methods.add(m[1]);
  for (const m of text.matchAll(/\bas\s+(GET|POST|PUT|PATCH|DELETE|HEAD)\b/g)) methods.add(m[1]);
  return [...methods];
}

const routes = routeFiles().map((file) => ({ file, pattern: routePattern(file), methods: exportedMethods(file) }));

test("the route scan finds the routes we know of", () => {
  const patterns = routes.map((r) => r.pattern);
  expect(patterns).toEqual(expect.arrayContaining(["/api/health", "/api/auth/[...nextauth]", "/api/ping", "/iceberg/v1/[...path]"]));
  for (const r of routes) expect(r.methods.length, r.file).toBeGreaterThan(0);
});

test("every non-public route handler answers 401 with an error body to an anonymous call", async ({ request }) => {
  for (const r of routes.filter((r) => !PUBLIC_ROUTES.has(r.pattern))) {
    for (const method of r.methods) {
      const response = await request.fetch(sampleUrl(r.pattern), { method, data: method === "GET" || method === "HEAD" ? undefined : {}, maxRedirects: 0 });
      expect(response.status(), `${method} ${r.pattern}`).toBe(401);
      if (method === "HEAD") continue;
      const { error } = await response.json();
      if (isIcebergRoute(r.pattern)) expect(error, `${method} ${r.pattern}`).toMatchObject({ code: 401, type: "NotAuthorizedException", message: expect.any(String) });
      else expect(error.code, `${method} ${r.pattern}`).toBe("unauthenticated");
    }
  }
});

test("the public paths of protected routes answer without a session, and only they do", async ({ request }) => {
  for (const [path, reason] of PUBLIC_PATHS) {
    // No credentials at all: the token endpoint answers in OAuth's shape (400 invalid_request), not 401.
    const response = await request.post(path, { form: { grant_type: "client_credentials" } });
    expect(response.status(), `${path} (${reason})`).toBe(400);
    expect((await response.json()).error, path).toBe("invalid_request");
  }
  const config = await request.get("/iceberg/v1/config?warehouse=demo");
  expect(config.status()).toBe(401);
  expect(config.headers()["www-authenticate"]).toMatch(/^Bearer/);
});

interface ActionManifest {
  node: Record<string, { workers: Record<string, unknown> }>;
}

/** "app/(studio)/admin/users/page" → "/admin/users" */
function pageUrl(worker: string): string {
  const segments = worker.split("/").slice(1, -1).filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

test("every server action refuses an anonymous call", async ({ request }) => {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as ActionManifest;
  const actions = Object.entries(manifest.node);
  expect(actions.length).toBeGreaterThanOrEqual(12);
  for (const [id, entry] of actions) {
    const worker = Object.keys(entry.workers).find((w) => w.endsWith("/page")) ?? Object.keys(entry.workers)[0];
    const response = await request.post(pageUrl(worker), {
      headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
      data: JSON.stringify([{ id: "x", username: "intruder", role: "admin", name: "intruders", groupId: "g", userId: "u", disabled: true }]),
      maxRedirects: 0,
    });
    const body = await response.text();
    expect(body, `action ${id} on ${worker}`).toContain('"code":"unauthenticated"');
    expect(body, `action ${id} on ${worker}`).not.toContain('"ok":true');
  }
});
