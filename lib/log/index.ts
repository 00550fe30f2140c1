/**
 * Structured logs: one JSON object per line on stdout.
 *
 *   log.info("action", { name: "users.create", user: "ada", ms: 12, outcome: "ok" });
 *
 * Keys that look like secrets (password, secret, token, authorization, cookie…) are
 * replaced by "[redacted]" at any depth, so a careless field never leaks one.
 */
type Level = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

const LEVELS: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie|credential|api[-_]?key|hash/i;

function threshold(): number {
  const env = (process.env.TARN_LOG_LEVEL ?? "info") as Level;
  return LEVELS[env] ?? LEVELS.info;
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== "object") {
    return typeof value === "bigint" ? value.toString() : value;
  }
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: LogFields = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? "[redacted]" : redact(v, depth + 1);
  }
  return out;
}

function write(level: Level, event: string, fields: LogFields = {}): void {
  if (LEVELS[level] < threshold()) return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...(redact(fields) as LogFields) });
  if (level === "error" || level === "warn") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

export const log = {
  debug: (event: string, fields?: LogFields) => write("debug", event, fields),
  info: (event: string, fields?: LogFields) => write("info", event, fields),
  warn: (event: string, fields?: LogFields) => write("warn", event, fields),
  error: (event: string, fields?: LogFields) => write("error", event, fields),
};
