/**
 * loadTable over the Iceberg REST catalog against an empty route handler of the same
 * server, side by side: the built server on a fresh data folder (SQLite metadata), a
 * table with a few snapshots, and load from a second process — wrk — on
 * `GET /iceberg/v1/{prefix}/namespaces/db/tables/t` with a bearer token and on
 * `GET /api/ping`. Runs alternate (ping, load, ping, load…) so machine noise hits both
 * alike; the best of each is kept. Goals: loadTable ≥ 0.8× the baseline's requests/s,
 * p99 ≤ 1.5× the baseline's. A third figure splits the difference: an authenticated REST
 * request that needs no catalog lookup (an unknown path: 404), i.e. the route itself.
 *
 *   npm run bench -- rest-load-table       (BENCH_REST_SECONDS, BENCH_REST_CONNECTIONS, BENCH_REST_ROUNDS)
 */
import { execFile } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { DuckDBInstance } from "@duckdb/node-api";
import { SYSTEM, type UserPrincipal } from "@/lib/access";
import { createPersonalToken } from "@/lib/auth";
import { appendRows, type CatalogContext, createCatalog, createNamespace, createTable } from "@/lib/catalog";
import { createDb, type Db } from "@/lib/db";
import { LocalFileIO } from "@/lib/iceberg/io";
import { startTarnServer } from "@/lib/rest/testing/server";
import { report, round } from "./harness";

const SECONDS = Number(process.env.BENCH_REST_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_REST_CONNECTIONS ?? 16);
const ROUNDS = Number(process.env.BENCH_REST_ROUNDS ?? 3);
const SNAPSHOTS = 5;

interface WrkResult {
  requestsPerSecond: number;
  p99Ms: number;
  p50Ms: number;
  non2xx: number;
}

export async function run(): Promise<void> {
  const server = await startTarnServer({ port: await freePort(), databaseUrl: "" });
  const db = createDb(`file:${path.join(server.dataDir, "tarn.db")}`);
  try {
    const token = await seed(db);
    const loadUrl = `${server.url}/iceberg/v1/bench/namespaces/db/tables/t`;
    const pingUrl = `${server.url}/api/ping`;
    await checkReachable(loadUrl, token);
    // Warm both paths (JIT, caches, the bearer cache) before measuring.
    await wrk(pingUrl, 3);
    await wrk(loadUrl, 3, token);
    const ping: WrkResult[] = [];
    const load: WrkResult[] = [];
    const route: WrkResult[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      ping.push(await wrk(pingUrl, SECONDS));
      load.push(await wrk(loadUrl, SECONDS, token));
      route.push(await wrk(`${server.url}/iceberg/v1/bench/no-such-endpoint`, SECONDS, token));
    }
    printFigures(best(ping), best(load), best(route));
  } finally {
    await db.$disconnect();
    await server.stop();
  }
}

/** A managed catalog `bench` with `db.t` holding a few snapshots, and an admin's bearer token. */
async function seed(db: Db): Promise<string> {
  const admin = await db.user.findFirstOrThrow({ where: { username: "admin" } });
  await createCatalog(db, SYSTEM, { name: "bench", kind: "managed" });
  await createNamespace(db, SYSTEM, { catalog: "bench", namespace: ["db"] });
  const ctx: CatalogContext = { db, io: new LocalFileIO(), actor: SYSTEM };
  const ident = { catalog: "bench", namespace: ["db"], name: "t" };
  const fields = [
    { id: 1, name: "id", required: true, type: "long" },
    { id: 2, name: "note", required: false, type: "string" },
  ];
  await createTable(ctx, ident, { schema: { type: "struct", schemaId: 0, fields } });
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    for (let i = 0; i < SNAPSHOTS; i++) await appendRows(ctx, ident, connection, `SELECT range + ${i * 1000} AS id, 'batch ${i}' AS note FROM range(100)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  const person: UserPrincipal = { kind: "user", userId: admin.id, username: admin.username, displayName: null, role: "admin", groupIds: [] };
  return (await createPersonalToken(db, person, { name: "bench" })).token;
}

async function checkReachable(url: string, token: string): Promise<void> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { metadata?: { snapshots?: unknown[] } };
  if (response.status !== 200 || body.metadata?.snapshots?.length !== SNAPSHOTS) throw new Error(`loadTable answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
}

async function wrk(url: string, seconds: number, token?: string): Promise<WrkResult> {
  const args = ["-t2", `-c${CONNECTIONS}`, `-d${seconds}s`, "--latency", "--timeout", "10s"];
  if (token) args.push("-H", `Authorization: Bearer ${token}`);
  const { stdout } = await promisify(execFile)("wrk", [...args, url], { maxBuffer: 1 << 20 });
  return parseWrk(stdout);
}

/** wrk's text report: "Requests/sec: 1234.56", the latency distribution ("99%  21.50ms"), non-2xx count. */
export function parseWrk(text: string): WrkResult {
  const rps = Number(text.match(/Requests\/sec:\s+([\d.]+)/)?.[1]);
  const percentile = (p: string) => toMs(text.match(new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s)`, "m")));
  const non2xx = Number(text.match(/Non-2xx or 3xx responses:\s+(\d+)/)?.[1] ?? 0);
  if (!Number.isFinite(rps)) throw new Error(`Could not read wrk's report:\n${text}`);
  return { requestsPerSecond: rps, p50Ms: percentile("50"), p99Ms: percentile("99"), non2xx };
}

function toMs(match: RegExpMatchArray | null): number {
  if (!match) return Number.NaN;
  const value = Number(match[1]);
  return match[2] === "us" ? value / 1000 : match[2] === "s" ? value * 1000 : value;
}

/** The round with the most requests/s: the least disturbed by the rest of the machine. */
function best(results: WrkResult[]): WrkResult {
  return results.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
}

function printFigures(ping: WrkResult, load: WrkResult, route: WrkResult): void {
  if (ping.non2xx || load.non2xx) console.warn(`non-2xx responses: ping ${ping.non2xx}, loadTable ${load.non2xx}`);
  report(
    "rest-load-table",
    {
      "ping requests/s": round(ping.requestsPerSecond, 0),
      "ping p50 ms": round(ping.p50Ms),
      "ping p99 ms": round(ping.p99Ms),
      "loadTable requests/s": round(load.requestsPerSecond, 0),
      "loadTable p50 ms": round(load.p50Ms),
      "loadTable p99 ms": round(load.p99Ms),
      "REST route, no lookup requests/s": round(route.requestsPerSecond, 0),
      "REST route, no lookup p99 ms": round(route.p99Ms),
      "requests/s ratio (load/ping)": round(load.requestsPerSecond / ping.requestsPerSecond),
      "p99 ratio (load/ping)": round(load.p99Ms / ping.p99Ms),
    },
    { "requests/s ratio (load/ping)": "≥ 0.8", "p99 ratio (load/ping)": "≤ 1.5" },
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
