/**
 * Interop with an independent REST client: iceberg-js (written by others, against the
 * same spec) drives the real server over HTTP — config and prefix, namespaces, create,
 * load (with ETag → 304), an append committed through its updateTable, list, rename,
 * drop. The data files and manifests of the append are written by lib/iceberg/write
 * against the metadata iceberg-js loaded (it parses JSON numbers as doubles; Tarn's
 * snapshot ids stay below 2^53, so nothing is lost).
 */
import { createServer } from "node:net";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { IcebergError, IcebergRestCatalog, type TableMetadata as JsTableMetadata } from "iceberg-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/access";
import { createApiClient } from "@/lib/auth";
import { createCatalog } from "@/lib/catalog";
import { commitToJson } from "@/lib/iceberg/commit";
import { LocalFileIO } from "@/lib/iceberg/io";
import { type JsonValue, parseTableMetadata, stringifyJson } from "@/lib/iceberg/spec";
import { prepareAppend } from "@/lib/iceberg/write";
import { readTableRows } from "@/lib/iceberg/write/testing/read-table";
import { freshDatabase, type TestDatabase } from "@/tests/support/db";
import { startTarnServer, type TarnServer } from "./testing/server";

let database: TestDatabase;
let server: TarnServer;
let catalog: IcebergRestCatalog;
let duck: DuckDBConnection;
let instance: DuckDBInstance;
let accessToken: string;
const io = new LocalFileIO();
const NS = { namespace: ["interop.db"] };
const TABLE = { namespace: NS.namespace, name: "events/2024" };
const RENAMED = { namespace: NS.namespace, name: "events_renamed" };

beforeAll(async () => {
  database = await freshDatabase();
  server = await startTarnServer({ port: await freePort(), databaseUrl: database.url });
  await createCatalog(database.db, SYSTEM, { name: "interop", kind: "managed" });
  const admin = await database.db.user.findFirstOrThrow({ where: { username: "admin" } });
  const client = await createApiClient(database.db, SYSTEM, { name: "iceberg-js", ownerId: admin.id });
  accessToken = await clientCredentialsToken(client.clientId, client.clientSecret);
  catalog = new IcebergRestCatalog({ baseUrl: `${server.url}/iceberg`, warehouse: "interop", auth: { type: "bearer", token: accessToken } });
  instance = await DuckDBInstance.create(":memory:");
  duck = await instance.connect();
}, 600_000);

afterAll(async () => {
  duck?.closeSync();
  instance?.closeSync();
  await server?.stop();
  await database?.drop();
});

async function clientCredentialsToken(id: string, secret: string): Promise<string> {
  const response = await fetch(`${server.url}/iceberg/v1/oauth/tokens`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: id, client_secret: secret, scope: "catalog" }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
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

/** iceberg-js's metadata (JSON.parse'd) as Tarn's model. */
const model = (metadata: JsTableMetadata) => parseTableMetadata(metadata as unknown as JsonValue);

describe("iceberg-js against the running server", () => {
  it("gets the prefix from /v1/config and creates a namespace (names with a dot)", async () => {
    const config = await catalog.loadConfig();
    expect(config.overrides.prefix).toBe("interop");
    expect(config.endpoints).toContain("POST /v1/{prefix}/transactions/commit");
    await catalog.createNamespace(NS, { properties: { owner: "interop" } });
    expect(await catalog.namespaceExists(NS)).toBe(true);
    expect((await catalog.loadNamespaceMetadata(NS)).properties).toEqual({ owner: "interop" });
    expect((await catalog.listNamespaces()).namespaces).toContainEqual(NS);
  });

  it("creates and loads a table (a name with a slash), and gets 304 for an unchanged ETag", async () => {
    const created = await catalog.createTable(NS, {
      name: TABLE.name,
      schema: { type: "struct", fields: [{ id: 1, name: "id", type: "long", required: true }, { id: 2, name: "note", type: "string", required: false }] },
      "partition-spec": { fields: [{ "source-id": 1, name: "id_bucket", transform: "bucket[4]" }] },
      properties: { "format-version": "2" },
    });
    expect(created["table-uuid"]).toMatch(/^[0-9a-f-]{36}$/);
    const loaded = await catalog.loadTableResult(TABLE);
    expect(loaded?.metadata["table-uuid"]).toBe(created["table-uuid"]);
    expect(loaded?.etag).toBeTruthy();
    expect(await catalog.loadTableResult(TABLE, { ifNoneMatch: loaded?.etag ?? "" })).toBeNull();
    expect(await catalog.tableExists(TABLE)).toBe(true);
  });

  it("commits an append through updateTable: files written by lib/iceberg/write, the commit sent by iceberg-js", async () => {
    for (const batch of [1, 2]) {
      const metadata = model((await catalog.loadTable(TABLE)) as JsTableMetadata);
      const append = await prepareAppend({ connection: duck, io, metadata, sourceSql: `SELECT range + ${batch * 100} AS id, 'batch ${batch}' AS note FROM range(3)` });
      const commit = commitToJson(await append.buildCommit(metadata));
      // iceberg-js sends JSON.stringify: our exact ids (bigint) go as plain numbers, all below 2^53.
      const request = JSON.parse(stringifyJson(commit)) as Parameters<IcebergRestCatalog["updateTable"]>[1];
      const result = await catalog.updateTable(TABLE, request);
      expect(result["metadata-location"]).toMatch(/metadata\/0000\d-.*\.metadata\.json$/);
      expect(String(result.metadata["current-snapshot-id"])).toBe(String(append.snapshotId));
    }
    const after = model((await catalog.loadTable(TABLE)) as JsTableMetadata);
    expect(after.snapshots).toHaveLength(2);
    const rows = await readTableRows(duck, io, after, "id");
    expect(rows.map((r) => Number(r.id))).toEqual([100, 101, 102, 200, 201, 202]);
  });

  it("a stale commit (its branch moved) is refused with 409 CommitFailedException", async () => {
    const metadata = model((await catalog.loadTable(TABLE)) as JsTableMetadata);
    const parent = metadata.snapshots[0].snapshotId;
    const stale = { requirements: [{ type: "assert-ref-snapshot-id" as const, ref: "main", "snapshot-id": Number(parent) }], updates: [] };
    const error = await catalog.updateTable(TABLE, stale).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IcebergError);
    expect([(error as IcebergError).status, (error as IcebergError).icebergType]).toEqual([409, "CommitFailedException"]);
  });

  it("lists, renames and drops", async () => {
    expect((await catalog.listTables(NS)).identifiers).toEqual([TABLE]);
    await catalog.renameTable({ source: TABLE, destination: RENAMED });
    expect(await catalog.tableExists(TABLE)).toBe(false);
    expect(await catalog.tableExists(RENAMED)).toBe(true);
    const missing = await catalog.loadTable(TABLE).catch((e: unknown) => e);
    expect([(missing as IcebergError).status, (missing as IcebergError).icebergType]).toEqual([404, "NoSuchTableException"]);
    await catalog.dropTable(RENAMED, { purge: true });
    expect((await catalog.listTables(NS)).identifiers).toEqual([]);
    await catalog.dropNamespace(NS);
    expect(await catalog.namespaceExists(NS)).toBe(false);
  });

  it("refuses a client without a valid token with the spec's 401", async () => {
    const anonymous = new IcebergRestCatalog({ baseUrl: `${server.url}/iceberg`, auth: { type: "bearer", token: "tarn_at_invalid" } });
    const error = await anonymous.listNamespaces().catch((e: unknown) => e);
    expect([(error as IcebergError).status, (error as IcebergError).icebergType]).toEqual([401, "NotAuthorizedException"]);
  });
});
