/**
 * The Iceberg REST catalog served straight from the HTTP server, past Next.js's router:
 * engines call loadTable at high rates, and Next's per-request work for a dynamic route
 * cost more than the catalog lookup itself (bench/rest-load-table). The handler is the
 * same one (lib/rest) that app/iceberg/v1/[...path]/route.ts serves under `next` alone.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { getDb } from "@/lib/db";
import { LocalFileIO } from "@/lib/iceberg/io";
import { log } from "@/lib/log";
import { handleRestRequest } from "@/lib/rest";

const io = new LocalFileIO();

export function isRestRequest(req: IncomingMessage): boolean {
  const path = (req.url ?? "/").split("?")[0];
  return path === "/iceberg" || path.startsWith("/iceberg/");
}

export async function serveRest(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  let request: Request;
  try {
    request = toRequest(req);
  } catch {
    // A Host header or path that is no URL: the spec's error shape, never a 500.
    res.writeHead(400, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { message: "The request's host or path is not a valid URL.", type: "BadRequestException", code: 400 } }));
    return;
  }
  const outcome = await handleRestRequest(request, { db: getDb(), io });
  const { response } = outcome;
  res.statusCode = response.status;
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.end(req.method === "HEAD" || !response.body ? undefined : new Uint8Array(await response.arrayBuffer()));
  const fields = { operation: outcome.operation, method: req.method, user: outcome.user, status: response.status, ms: Math.round(performance.now() - started) };
  if (outcome.error) log.error("iceberg.request", { ...fields, error: outcome.error });
  else log.info("iceberg.request", fields);
}

function toRequest(req: IncomingMessage): Request {
  const url = `http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`;
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(url, {
    method,
    headers: toHeaders(req.headers),
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
  } as RequestInit);
}

function toHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}
