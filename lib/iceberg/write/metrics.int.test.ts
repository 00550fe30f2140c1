/**
 * Metrics modes from table properties (`write.metadata.metrics.*`), and the bounds rules:
 * truncated strings and bytes with the upper bound rounded up (or dropped when it cannot
 * be), no bounds for NaN-only or NULL-only columns.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readManifest, readManifestList } from "../manifest";
import { snapshotForRef } from "../spec";
import type { Schema } from "../spec/types";
import { fromBinary, toHex } from "../values";
import { prepareAppend } from "./index";
import { type Engine, openEngine, tempFolder } from "./testing/duckdb";
import { TestTable } from "./testing/harness";

const SCHEMA: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "id", required: true, type: "long" },
    { id: 2, name: "name", required: false, type: "string" },
    { id: 3, name: "note", required: false, type: "string" },
    { id: 4, name: "b", required: false, type: "binary" },
    { id: 5, name: "nan", required: false, type: "double" },
    { id: 6, name: "nothing", required: false, type: "int" },
  ],
};

const ROWS = `SELECT * FROM (VALUES
  (1, 'abcdefgh', 'a rather long note, well past sixteen', unhex('FFFF01'), CAST('NaN' AS DOUBLE), CAST(NULL AS INTEGER)),
  (2, 'abcz', 'short', unhex('0102'), CAST('NaN' AS DOUBLE), NULL),
  (3, 'ab😀😀😀', 'zz', unhex('FF'), CAST('NaN' AS DOUBLE), NULL)
) AS t(id, name, note, b, nan, nothing)`;

let engine: Engine;
const folders: { remove(): void }[] = [];
beforeAll(async () => {
  engine = await openEngine();
});
afterAll(() => {
  engine.close();
  for (const f of folders) f.remove();
});

async function written(properties: Record<string, string>) {
  const tmp = tempFolder();
  folders.push(tmp);
  const table = new TestTable(engine.connection, { folder: tmp.dir, schema: SCHEMA, properties });
  await table.commit(await prepareAppend({ ...table.target(), sourceSql: ROWS }));
  const list = readManifestList(
    await table.io.read(snapshotForRef(table.metadata)!.manifestList!),
    2,
  );
  return readManifest(await table.io.read(list.manifests[0].path)).entries[0].dataFile;
}

const text = (bytes: Uint8Array | undefined) =>
  bytes ? String(fromBinary("string", bytes)) : undefined;
const hex = (bytes: Uint8Array | undefined) => (bytes ? toHex(bytes) : undefined);

describe("metrics modes", () => {
  it("default truncate(16): strings cut to 16 code points, upper bound rounded up", async () => {
    const file = await written({});
    expect(text(file.lowerBounds?.get(3))).toBe("a rather long no");
    expect(text(file.upperBounds?.get(3))).toBe("zz");
    expect(text(file.lowerBounds?.get(2))).toBe("abcdefgh");
    expect(text(file.upperBounds?.get(2))).toBe("ab😀😀😀");
  });

  it("truncate(N) per column and as default; counts; none; full", async () => {
    const file = await written({
      "write.metadata.metrics.default": "truncate(3)",
      "write.metadata.metrics.column.id": "none",
      "write.metadata.metrics.column.name": "counts",
      "write.metadata.metrics.column.note": "full",
      "write.metadata.metrics.column.b": "truncate(1)",
    });
    for (const metrics of [
      file.columnSizes,
      file.valueCounts,
      file.nullValueCounts,
      file.lowerBounds,
    ]) {
      expect(metrics?.has(1)).toBe(false);
    }
    expect(file.valueCounts?.get(2)).toBe(3);
    expect(file.lowerBounds?.has(2)).toBe(false);
    expect(text(file.lowerBounds?.get(3))).toBe("a rather long note, well past sixteen");
    expect(hex(file.lowerBounds?.get(4))).toBe("01");
    expect(file.upperBounds?.has(4)).toBe(false); // FF… cannot be rounded up within one byte
  });

  it("a string upper bound rounds up its last kept code point", async () => {
    const file = await written({ "write.metadata.metrics.column.name": "truncate(3)" });
    expect(text(file.lowerBounds?.get(2))).toBe("abc");
    expect(text(file.upperBounds?.get(2))).toBe("ab😁");
  });

  it("NaN-only and NULL-only columns keep counts and no bounds", async () => {
    const file = await written({});
    expect(file.nanValueCounts?.get(5)).toBe(3);
    expect(file.lowerBounds?.has(5)).toBe(false);
    expect(file.nullValueCounts?.get(6)).toBe(3);
    expect(file.lowerBounds?.has(6)).toBe(false);
  });

  it("without a default, columns past max-inferred-column-defaults get none", async () => {
    const file = await written({ "write.metadata.metrics.max-inferred-column-defaults": "2" });
    expect([...(file.valueCounts?.keys() ?? [])]).toEqual([1, 2]);
  });
});
