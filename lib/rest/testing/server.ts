/**
 * The real Tarn server for tests that need HTTP (the iceberg-js interop test) and for
 * benchmarks: `scripts/start.ts` as the e2e suite runs it (it builds only when the
 * sources changed), on a fresh data folder and the given metadata database, in its own
 * process group so it can be stopped with everything it started.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface TarnServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, "../../..");

export interface ServerOptions {
  port: number;
  databaseUrl: string;
  timeoutMs?: number;
}

/** Signs that another process (a parallel e2e run) is building the app right now. */
const BUILD_IN_PROGRESS = /Another next build process is already running|Could not find a production build|ENOENT[^\n]*\.next/;

/** Another process may be building the app: wait for it and start again. */
export async function startTarnServer(opts: ServerOptions): Promise<TarnServer> {
  const deadline = Date.now() + (opts.timeoutMs ?? 600_000);
  for (;;) {
    try {
      return await startOnce(opts);
    } catch (error) {
      const busy = BUILD_IN_PROGRESS.test((error as Error).message);
      if (!busy || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10_000));
    }
  }
}

async function startOnce(opts: ServerOptions): Promise<TarnServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "tarn-server-"));
  const url = `http://127.0.0.1:${opts.port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(opts.port),
      HOST: "127.0.0.1",
      TARN_DATA_DIR: dataDir,
      DATABASE_URL: opts.databaseUrl,
      TARN_ADMIN_PASSWORD: "server-test-admin",
      TARN_DEMO_DATA: "off",
      TARN_LOG_LEVEL: "warn",
      NEXTAUTH_URL: url,
    },
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const stop = async () => {
    await stopGroup(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, opts.timeoutMs ?? 300_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  return { url, dataDir, stop };
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}`);
    const healthy = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server at ${url} was not healthy within ${timeoutMs / 1000} s`);
}

/** Stops the server's process group (the server and whatever it spawned), by its id. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-child.pid, "SIGTERM");
  const timer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
