/**
 * A writer that dies between writing files and committing: it writes data files,
 * manifests, a manifest list and even the next metadata file, then says READY and waits
 * to be killed before it swaps the table's metadata pointer.
 *
 *   tsx tests/support/crash-writer.ts <database url> <catalog> <namespace> <table>
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { SYSTEM } from "@/lib/access";
import { loadTable } from "@/lib/catalog";
import { nextMetadataLocation, writeTableMetadata } from "@/lib/catalog/metadata-files";
import { createDb } from "@/lib/db";
import { applyUpdates } from "@/lib/iceberg/commit";
import { LocalFileIO } from "@/lib/iceberg/io";
import { prepareAppend } from "@/lib/iceberg/write";

const [url, catalog, namespace, name] = process.argv.slice(2);
const db = createDb(url);
const io = new LocalFileIO();
const table = await loadTable({ db, io, actor: SYSTEM }, { catalog, namespace: [namespace], name });
const connection = await (await DuckDBInstance.create(":memory:")).connect();
const prepared = await prepareAppend({ connection, io, metadata: table.metadata, sourceSql: "SELECT range AS id, NULL::DATE AS day, 'doomed' AS label FROM range(1000)" });
const commit = await prepared.buildCommit(table.metadata);
const next = applyUpdates(table.metadata, commit.updates, { now: Date.now(), previousMetadataLocation: table.metadataLocation });
await writeTableMetadata(io, nextMetadataLocation(next.location, table.metadataLocation), next);
process.stdout.write(`READY ${prepared.files.length}\n`);
setInterval(() => {}, 1_000);
