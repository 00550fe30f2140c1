import { describe, expect, it } from "vitest";
import { readExecOptions } from "./options";

describe("readExecOptions", () => {
  it("has defaults for every limit", () => {
    expect(readExecOptions({})).toMatchObject({ slots: 3, queueMax: 100, timeoutMs: 300_000, memoryLimit: "768MB", resultsMemoryLimit: "256MB", resultTtlMs: 24 * 3_600_000 });
  });

  it("reads the limits from the environment", () => {
    const env = { TARN_QUERY_SLOTS: "5", TARN_QUERY_QUEUE_MAX: "7", TARN_QUERY_TIMEOUT_MS: "1500", TARN_QUERY_MEMORY_LIMIT: "2GB", TARN_QUERY_THREADS: "2", TARN_RESULTS_MEMORY_LIMIT: "256MiB", TARN_RESULT_TTL_HOURS: "0.5" };
    expect(readExecOptions(env)).toMatchObject({ slots: 5, queueMax: 7, timeoutMs: 1500, memoryLimit: "2GB", threads: 2, resultsMemoryLimit: "256MiB", resultTtlMs: 1_800_000 });
  });

  it("refuses values that are not limits, naming the variable", () => {
    expect(() => readExecOptions({ TARN_QUERY_SLOTS: "0" })).toThrow('TARN_QUERY_SLOTS must be a positive number, not "0".');
    expect(() => readExecOptions({ TARN_QUERY_TIMEOUT_MS: "soon" })).toThrow("TARN_QUERY_TIMEOUT_MS");
    expect(() => readExecOptions({ TARN_QUERY_MEMORY_LIMIT: "1GB'; SET x" })).toThrow("TARN_QUERY_MEMORY_LIMIT must be a size such as 512MB or 2GB");
  });
});
