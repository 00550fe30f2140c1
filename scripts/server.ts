/**
 * The HTTP server: Next.js's request handler (the Iceberg REST catalog is served beside it,
 * rest-direct.ts), plus one structured log line per request (method, path, status,
 * duration, user). Query strings are never logged: they can carry
 * OAuth codes.
 */
import { createServer, type IncomingMessage } from "node:http";
import next from "next";
import { decode } from "next-auth/jwt";
import { log } from "@/lib/log";
import { isRestRequest, serveRest } from "./rest-direct.ts";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export async function startServer(opts: { dir: string; port: number; hostname: string; dev: boolean }): Promise<() => Promise<void>> {
  const app = next({ dev: opts.dev, dir: opts.dir, hostname: opts.hostname, port: opts.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    const started = performance.now();
    res.on("finish", () => {
      void logRequest(req, res.statusCode, performance.now() - started);
    });
    const work = isRestRequest(req) ? serveRest(req, res) : handle(req, res);
    work.catch((error: unknown) => {
      log.error("request.failed", { path: pathOf(req), error });
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "internal", message: "Something went wrong on our side." } }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.hostname, resolve);
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

function pathOf(req: IncomingMessage): string {
  return (req.url ?? "/").split("?")[0];
}

async function logRequest(req: IncomingMessage, status: number, ms: number): Promise<void> {
  const path = pathOf(req);
  const fields = { method: req.method, path, status, ms: Math.round(ms), user: await userOf(req) };
  if (path.startsWith("/_next/")) log.debug("request", fields);
  else log.info("request", fields);
}

// Decoding a session cookie costs a decryption; remember the last few.
const recentUsers = new Map<string, string | null>();

async function userOf(req: IncomingMessage): Promise<string | null> {
  const cookies = req.headers.cookie ?? "";
  const token = SESSION_COOKIES.map((name) => cookies.match(new RegExp(`(?:^|; )${name.replace(/\./g, "\\.")}=([^;]+)`))?.[1]).find(Boolean);
  if (!token || !process.env.NEXTAUTH_SECRET) return null;
  if (recentUsers.has(token)) return recentUsers.get(token) ?? null;
  const claims = await decode({ token, secret: process.env.NEXTAUTH_SECRET }).catch(() => null);
  const user = typeof claims?.name === "string" ? claims.name : null;
  if (recentUsers.size > 500) recentUsers.clear();
  recentUsers.set(token, user);
  return user;
}
