/**
 * Delete, update and overwrite: the rows that remain are the right ones (checked against
 * `evalRow`, the reference semantics, where a filter decides), whole files drop out
 * when every row matches, partly matching files get position deletes (merge-on-read) or
 * are rewritten (copy-on-write), and summaries count what happened.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeWhere } from "@/tests/support/requires";
import {
  and,
  bind,
  eq,
  evalRow,
  gt,
  gtEq,
  isIn,
  isNan,
  isNull,
  lt,
  not,
  notEq,
  notIn,
  or,
  rowFromObject,
  startsWith,
  type UnboundExpr,
} from "../expr";
import { readManifest, readManifestList } from "../manifest";
import { pythonAvroAvailable, readWithPythonAvro } from "../manifest/testing/python-avro";
import { snapshotForRef } from "../spec";
import { prepareAppend, prepareDelete, prepareOverwrite, prepareUpdate } from "./index";
import { type Engine, openEngine, tempFolder } from "./testing/duckdb";
import { TestTable } from "./testing/harness";
import { BY_REGION, ORDERS_SCHEMA, ORDERS_SQL } from "./testing/orders";

let engine: Engine;
let sourceRows: Record<string, unknown>[];
const folders: { remove(): void }[] = [];
beforeAll(async () => {
  engine = await openEngine();
  await engine.connection.run(`CREATE TEMP TABLE orders AS ${ORDERS_SQL}`);
  sourceRows = (
    await engine.connection.runAndReadAll("SELECT * FROM orders ORDER BY id")
  ).getRowObjectsJS();
});
afterAll(() => {
  engine.close();
  for (const f of folders) f.remove();
});

async function ordersTable(properties: Record<string, string> = {}, formatVersion: 1 | 2 = 2) {
  const tmp = tempFolder();
  folders.push(tmp);
  const table = new TestTable(engine.connection, {
    folder: tmp.dir,
    schema: ORDERS_SCHEMA,
    partitionFields: BY_REGION,
    properties,
    formatVersion,
  });
  await table.commit(await prepareAppend({ ...table.target(), sourceSql: "SELECT * FROM orders" }));
  return table;
}

/** Ids of source rows the filter does not match, by the reference evaluator. */
function survivors(filter: UnboundExpr): bigint[] {
  const bound = bind(ORDERS_SCHEMA, filter);
  return sourceRows
    .filter((row) => !evalRow(bound, rowFromObject(ORDERS_SCHEMA, row)))
    .map((row) => row.id as bigint);
}

/** Ids in the table, read by our reader; lib/iceberg/scan must read the same. */
async function ids(table: TestTable): Promise<bigint[]> {
  const read = async (relation: string) => {
    const reader = await engine.connection.runAndReadAll(`SELECT id FROM ${relation} ORDER BY id`);
    return reader.getRows().map(([id]) => id as bigint);
  };
  const ours = await read(`(${await table.rowsSql()})`);
  expect(await read(await table.scanSql())).toEqual(ours);
  return ours;
}

async function entries(table: TestTable) {
  const snapshot = snapshotForRef(table.metadata)!;
  const list = readManifestList(
    await table.io.read(snapshot.manifestList!),
    table.metadata.formatVersion,
  );
  const out = [];
  for (const m of list.manifests) {
    out.push(
      ...readManifest(await table.io.read(m.path)).entries.map((e) => ({
        ...e,
        content: m.content,
      })),
    );
  }
  return out;
}

const FILTERS: [string, UnboundExpr][] = [
  ["eq on the partition column", eq("region", "north")],
  ["lt on a double with NULL and NaN", lt("amount", 30)],
  ["not(gt) keeps nulls and NaN matching", not(gt("amount", 60))],
  ["notEq matches NULL", notEq("region", "south")],
  ["isNull", isNull("region")],
  ["isNaN", isNan("amount")],
  ["in", isIn("region", ["east", "west"])],
  ["notIn", notIn("region", ["east", "west"])],
  ["startsWith", startsWith("note", "n1")],
  ["or of ranges", or(lt("id", 10), gtEq("id", 390))],
  ["and across columns", and(eq("region", "west"), gtEq("amount", 100))],
];

describe.each(["merge-on-read", "copy-on-write"])("delete (%s)", (mode) => {
  for (const [name, filter] of FILTERS) {
    it(name, async () => {
      const table = await ordersTable({ "write.delete.mode": mode });
      await table.commit(await prepareDelete({ ...table.target(), filter }));
      expect(await ids(table)).toEqual(survivors(filter));
      const summary = snapshotForRef(table.metadata)!.summary;
      expect(Number(summary["total-records"]) - Number(summary["total-position-deletes"])).toBe(
        survivors(filter).length,
      );
    });
  }
});

describe("delete", () => {
  it("drops the files of a matching partition without writing delete files", async () => {
    const table = await ordersTable();
    await table.commit(await prepareDelete({ ...table.target(), filter: eq("region", "north") }));
    const all = await entries(table);
    expect(all.filter((e) => e.content === "deletes")).toEqual([]);
    expect(
      all.filter((e) => e.status === "deleted").map((e) => e.dataFile.partition.get(1000)),
    ).toEqual(["north"]);
    expect(snapshotForRef(table.metadata)!.summary).toMatchObject({
      operation: "delete",
      "deleted-data-files": "1",
      "deleted-records": String(sourceRows.filter((r) => r.region === "north").length),
      "changed-partition-count": "1",
      "total-data-files": "4",
    });
  });

  it("drops files whose metrics prove every row matches, reading none", async () => {
    const table = await ordersTable();
    await table.commit(await prepareDelete({ ...table.target(), filter: lt("id", 1000) }));
    expect(await table.count()).toBe(0);
    expect(snapshotForRef(table.metadata)!.summary).toMatchObject({
      "total-records": "0",
      "total-data-files": "0",
    });
  });

  it("writes sorted position deletes with their field ids and referenced file", async () => {
    const table = await ordersTable();
    await table.commit(await prepareDelete({ ...table.target(), filter: lt("amount", 30) }));
    const deletes = (await entries(table)).filter((e) => e.content === "deletes");
    expect(deletes.length).toBeGreaterThan(0);
    for (const { dataFile } of deletes) {
      expect(dataFile.content).toBe("position-deletes");
      expect(dataFile.referencedDataFile).toMatch(/\/data\/region=/);
      const path = table.io.localPath(dataFile.filePath);
      const schema = await engine.connection.runAndReadAll(
        `SELECT name, CAST(field_id AS INTEGER) AS id FROM parquet_schema('${path}') WHERE field_id IS NOT NULL`,
      );
      expect(schema.getRowObjectsJS()).toEqual([
        { name: "file_path", id: 2147483546 },
        { name: "pos", id: 2147483545 },
      ]);
      const sorted = await engine.connection.runAndReadAll(
        `SELECT count(*) FROM (SELECT pos < lag(pos) OVER (ORDER BY file_row_number) AS back FROM read_parquet('${path}', file_row_number = true, hive_partitioning = false)) WHERE back`,
      );
      expect(Number(sorted.getRows()[0][0])).toBe(0);
      expect(dataFile.lowerBounds?.get(2147483546)).toBeDefined();
    }
    const summary = snapshotForRef(table.metadata)!.summary;
    const deleted = sourceRows.length - survivors(lt("amount", 30)).length;
    expect(summary).toMatchObject({
      operation: "delete",
      "added-position-deletes": String(deleted),
    });
  });

  it("counts rows already deleted as gone when deleting again", async () => {
    const table = await ordersTable();
    await table.commit(await prepareDelete({ ...table.target(), filter: lt("amount", 30) }));
    await table.commit(await prepareDelete({ ...table.target(), filter: lt("amount", 60) }));
    expect(await ids(table)).toEqual(survivors(lt("amount", 60)));
    const summary = snapshotForRef(table.metadata)!.summary;
    const newly = survivors(lt("amount", 30)).length - survivors(lt("amount", 60)).length;
    expect(summary["added-position-deletes"]).toBe(String(newly));
  });

  it("copy-on-write after merge-on-read keeps earlier deletes applied", async () => {
    const table = await ordersTable();
    await table.commit(await prepareDelete({ ...table.target(), filter: lt("amount", 30) }));
    table.metadata = { ...table.metadata, properties: { "write.delete.mode": "copy-on-write" } };
    await table.commit(await prepareDelete({ ...table.target(), filter: eq("id", 41) }));
    expect(await ids(table)).toEqual(survivors(or(lt("amount", 30), eq("id", 41))));
    expect(snapshotForRef(table.metadata)!.summary.operation).toBe("overwrite");
  });

  it("rewrites files on a v1 table, which cannot hold delete files", async () => {
    const table = await ordersTable({}, 1);
    await table.commit(await prepareDelete({ ...table.target(), filter: lt("amount", 30) }));
    expect((await entries(table)).filter((e) => e.content === "deletes")).toEqual([]);
    expect(await ids(table)).toEqual(survivors(lt("amount", 30)));
    expect(snapshotForRef(table.metadata)!.sequenceNumber).toBe(0);
  });

  it("refuses merge-on-read on a v1 table", async () => {
    const tmp = tempFolder();
    folders.push(tmp);
    const table = new TestTable(engine.connection, {
      folder: tmp.dir,
      schema: ORDERS_SCHEMA,
      formatVersion: 1,
      properties: { "write.delete.mode": "merge-on-read" },
    });
    await expect(prepareDelete({ ...table.target(), filter: eq("id", 1) })).rejects.toMatchObject({
      kind: "unsupported",
    });
  });
});

const UPDATED = `SELECT id, region, CASE WHEN region = 'south' AND id < 200 THEN amount * 2 ELSE amount END AS amount,
  CASE WHEN region = 'south' AND id < 200 THEN 'changed' ELSE note END AS note FROM orders`;

describe.each(["merge-on-read", "copy-on-write"])("update (%s)", (mode) => {
  it("sets columns of the matching rows only", async () => {
    const table = await ordersTable({ "write.update.mode": mode });
    const filter = and(eq("region", "south"), lt("id", 200));
    await table.commit(
      await prepareUpdate({
        ...table.target(),
        filter,
        set: { amount: "amount * 2", note: "'changed'" },
      }),
    );
    expect(await table.difference(UPDATED)).toBe(0);
    expect(await table.count()).toBe(400);
    expect(snapshotForRef(table.metadata)!.summary.operation).toBe("overwrite");
  });

  it("updates a whole partition", async () => {
    const table = await ordersTable({ "write.update.mode": mode });
    await table.commit(
      await prepareUpdate({
        ...table.target(),
        filter: eq("region", "east"),
        set: { note: "upper(note)" },
      }),
    );
    expect(
      await table.difference(
        "SELECT id, region, amount, CASE WHEN region = 'east' THEN upper(note) ELSE note END AS note FROM orders",
      ),
    ).toBe(0);
  });
});

describe("update input", () => {
  it("refuses an unknown column", async () => {
    const table = await ordersTable();
    await expect(
      prepareUpdate({ ...table.target(), filter: eq("id", 1), set: { nope: "1" } }),
    ).rejects.toMatchObject({ kind: "invalid-input" });
  });
});

describe("overwrite", () => {
  it("replaces the rows matching a filter with new rows", async () => {
    const table = await ordersTable();
    const fresh =
      "SELECT 1000 + range AS id, 'east' AS region, 1.0 AS amount, 'new' AS note FROM range(5)";
    await table.commit(
      await prepareOverwrite({ ...table.target(), filter: eq("region", "east"), sourceSql: fresh }),
    );
    expect(
      await table.difference(
        `SELECT * FROM orders WHERE region IS DISTINCT FROM 'east' UNION ALL ${fresh}`,
      ),
    ).toBe(0);
    expect(snapshotForRef(table.metadata)!.summary).toMatchObject({
      operation: "overwrite",
      "added-records": "5",
    });
  });

  it("replaces every row without a filter", async () => {
    const table = await ordersTable();
    const fresh =
      "SELECT range AS id, 'west' AS region, NULL AS amount, NULL AS note FROM range(3)";
    await table.commit(await prepareOverwrite({ ...table.target(), sourceSql: fresh }));
    expect(await table.difference(fresh)).toBe(0);
    expect(snapshotForRef(table.metadata)!.summary).toMatchObject({
      "total-records": "3",
      "total-data-files": "1",
    });
  });
});

const python = pythonAvroAvailable();
describeWhere(
  { ok: python.ok, missing: `${python.reason} (.ci/run installs python3-avro)` },
  "Apache's Python Avro reader on a delete snapshot",
  () => {
    it("decodes the delete manifest and the DELETED entries of a rewritten manifest", async () => {
      const table = await ordersTable();
      await table.commit(
        await prepareDelete({
          ...table.target(),
          filter: or(eq("region", "north"), lt("amount", 30)),
        }),
      );
      const list = readWithPythonAvro(
        await table.io.read(snapshotForRef(table.metadata)!.manifestList!),
      );
      const byContent = (content: number) => list.records.filter((r) => r.content === content);
      expect(byContent(1)).toHaveLength(1);
      const deletes = readWithPythonAvro(
        await table.io.read(String(byContent(1)[0].manifest_path)),
      );
      const files = deletes.records.map((r) => r.data_file as Record<string, unknown>);
      expect(new Set(files.map((f) => f.content))).toEqual(new Set([1]));
      expect(files.every((f) => typeof f.referenced_data_file === "string")).toBe(true);
      const data = readWithPythonAvro(await table.io.read(String(byContent(0)[0].manifest_path)));
      const statuses = data.records.map((r) => r.status);
      expect(statuses.filter((s) => s === 2)).toHaveLength(1); // north dropped
      expect(statuses.filter((s) => s === 0).length).toBeGreaterThan(0); // the rest carried as EXISTING
      expect(data.records.every((r) => r.sequence_number === 1)).toBe(true);
    });
  },
);
