import "server-only";
import type { Credentials } from "@/components/connect/snippets";
import type { SelfTestStep } from "@/components/connect/self-test-types";

/**
 * Runs the handshake an engine does against this server's Iceberg REST catalog: get a
 * token (client credentials) → GET /v1/config?warehouse= → list namespaces under the
 * prefix the config returned. Requests go to this very process on the loopback address,
 * never to a host taken from the request, so the button cannot be aimed elsewhere.
 */
const TIMEOUT_MS = 10_000;
type Answer = { status: number; ms: number; body: unknown };
type Outcome<T> = { step: SelfTestStep; value?: T };

export async function runSelfTest(warehouse: string, credentials: Credentials): Promise<SelfTestStep[]> {
  const configName = `GET /v1/config?warehouse=${warehouse}`;
  const token = await obtainToken(credentials);
  if (token.value === undefined) return [token.step, skipped(configName), skipped("List namespaces")];
  const config = await loadConfig(warehouse, token.value, configName);
  if (config.value === undefined) return [token.step, config.step, skipped("List namespaces")];
  const listing = await listNamespaces(token.value, config.value);
  return [token.step, config.step, listing.step];
}

async function obtainToken(credentials: Credentials): Promise<Outcome<string>> {
  if (credentials.kind === "token") {
    const name = "Use the access token";
    return credentials.token ? { step: ok(name, "Sent as a bearer token."), value: credentials.token } : { step: failed(name, "Paste an access token first.") };
  }
  const name = "Exchange the client id and secret for a token";
  const answer = await call("/v1/oauth/tokens", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: credentials.clientId, client_secret: credentials.clientSecret, scope: "catalog" }),
  });
  const issued = (answer?.body as { access_token?: unknown } | null)?.access_token;
  if (answer?.status !== 200 || typeof issued !== "string") return { step: failed(name, problem(answer), answer) };
  return { step: ok(name, "A token was issued.", answer), value: issued };
}

async function loadConfig(warehouse: string, token: string, name: string): Promise<Outcome<string>> {
  const answer = await call(`/v1/config?${new URLSearchParams({ warehouse })}`, { headers: { authorization: `Bearer ${token}` } });
  if (answer?.status !== 200) return { step: failed(name, problem(answer), answer) };
  const config = answer.body as { overrides?: Record<string, string>; defaults?: Record<string, string> } | null;
  const prefix = config?.overrides?.prefix ?? config?.defaults?.prefix ?? "";
  return { step: ok(name, prefix ? `Configuration received (prefix "${prefix}").` : "Configuration received.", answer), value: prefix };
}

async function listNamespaces(token: string, prefix: string): Promise<Outcome<string[]>> {
  const name = "List namespaces";
  const answer = await call(prefix ? `/v1/${encodeURIComponent(prefix)}/namespaces` : "/v1/namespaces", { headers: { authorization: `Bearer ${token}` } });
  const namespaces = (answer?.body as { namespaces?: unknown } | null)?.namespaces;
  if (answer?.status !== 200 || !Array.isArray(namespaces)) return { step: failed(name, problem(answer), answer) };
  const names = namespaces.map((n) => (Array.isArray(n) ? n.join(".") : String(n)));
  const detail = names.length ? `${names.length} namespace${names.length === 1 ? "" : "s"}: ${names.slice(0, 5).join(", ")}${names.length > 5 ? ", …" : ""}` : "No namespaces yet; the handshake works.";
  return { step: ok(name, detail, answer), value: names };
}

/** One request to this server's REST catalog; null when it could not be reached at all. */
async function call(path: string, init: RequestInit): Promise<Answer | null> {
  const started = performance.now();
  try {
    const response = await fetch(`http://127.0.0.1:${process.env.PORT || 3000}/iceberg${path}`, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: "manual" });
    const text = await response.text();
    return { status: response.status, ms: Math.round(performance.now() - started), body: parseJson(text) };
  } catch {
    return null;
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** The spec's ErrorResponse message (written for people), or a plain description of the status. */
function problem(answer: Answer | null): string {
  if (!answer) return "The REST catalog could not be reached.";
  const message = (answer.body as { error?: { message?: unknown } } | null)?.error?.message;
  if (typeof message === "string" && message.length < 500) return message;
  if (answer.status === 404) return "The REST catalog does not answer here (404).";
  return `The server answered ${answer.status}.`;
}

const ok = (name: string, detail: string, answer?: Answer): SelfTestStep => ({ name, outcome: "ok", detail, status: answer?.status, ms: answer?.ms });
const failed = (name: string, detail: string, answer?: Answer | null): SelfTestStep => ({ name, outcome: "failed", detail, status: answer?.status, ms: answer?.ms });
const skipped = (name: string): SelfTestStep => ({ name, outcome: "skipped", detail: "Skipped after the failure above." });
