/**
 * Test helper: reads an Avro file with Apache's own Python Avro library (Debian's
 * python3-avro) and returns its metadata, writer schema and records as JSON. Bytes come
 * back as {hex}, dates and times as {iso}, decimals as {decimal}; integers beyond 2^53
 * as strings so JSON keeps them exact.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SCRIPT = `
import sys, json, datetime, decimal, uuid
import avro.datafile, avro.io
def norm(v):
    if isinstance(v, bool) or v is None: return v
    if isinstance(v, int): return v if abs(v) <= 2**53 else str(v)
    if isinstance(v, dict): return {k: norm(x) for k, x in v.items()}
    if isinstance(v, list): return [norm(x) for x in v]
    if isinstance(v, (bytes, bytearray)): return {"hex": v.hex()}
    if isinstance(v, (datetime.date, datetime.time, datetime.datetime)): return {"iso": v.isoformat()}
    if isinstance(v, decimal.Decimal): return {"decimal": str(v)}
    if isinstance(v, uuid.UUID): return {"uuid": str(v)}
    return v
with open(sys.argv[1], "rb") as f:
    reader = avro.datafile.DataFileReader(f, avro.io.DatumReader())
    meta = {k: v.decode("utf-8") for k, v in reader.meta.items()}
    records = [norm(r) for r in reader]
    schema = reader.datum_reader.writers_schema.to_json()
print(json.dumps({"meta": meta, "schema": schema, "records": records}))
`;

/** Debian installs python3-avro for the system interpreter, which may not be first on PATH. */
const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

export function pythonAvroAvailable(): { ok: boolean; reason: string } {
  const probe = spawnSync(PYTHON, ["-c", "import avro.datafile, avro.io"], { encoding: "utf8" });
  if (probe.error) return { ok: false, reason: `${PYTHON} not runnable: ${probe.error.message}` };
  if (probe.status !== 0)
    return { ok: false, reason: `import avro fails in ${PYTHON}: ${probe.stderr.trim()}` };
  return { ok: true, reason: "" };
}

export interface PythonAvroResult {
  meta: Record<string, string>;
  schema: unknown;
  records: Record<string, unknown>[];
}

export function readWithPythonAvro(bytes: Uint8Array): PythonAvroResult {
  const dir = mkdtempSync(join(tmpdir(), "tarn-avro-"));
  try {
    const path = join(dir, "file.avro");
    writeFileSync(path, bytes);
    const run = spawnSync(PYTHON, ["-W", "ignore", "-c", SCRIPT, path], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`python avro failed: ${run.stderr}`);
    return JSON.parse(run.stdout) as PythonAvroResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
