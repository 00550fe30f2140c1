/**
 * Real histories, replayed. Each metadata file Spark or PyIceberg wrote is the result
 * of one commit on the file before it: the commit is read off the difference (the
 * updates a REST client would have sent), applied to the earlier file with the clock
 * of the later one and the earlier file's location, and must give the later file
 * exactly — snapshot log, metadata log, last-updated-ms and all.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readMetadataFile, type TableMetadata } from "../spec";
import { icebergFixture } from "../spec/test-fixtures";
import { applyUpdates } from "./apply";
import { expectWritable } from "./test-support";
import type { TableUpdate } from "./types";

const PERSISTENT = "tables/persistent/data/persistent";

/**
 * Linear histories. Left out: name_mapping's side files (v3.1, v3.2, v4.1 branch off
 * v3), merch_v1's hand-edited 00004, and equality_deletes' v5, whose snapshot log shows
 * three commits (a rollback and back) between v4 and v5.
 */
const HISTORIES: { dir: string; leaveOut?: RegExp }[] = [
  { dir: "tables/spark-v1-v2/data/iceberg/generated_spec2_0_001/pyspark_iceberg_table/metadata" },
  { dir: "tables/spark-v1-v2/data/iceberg/generated_spec1_0_001/pyspark_iceberg_table/metadata" },
  { dir: `${PERSISTENT}/name_mapping/warehouse_1/mydb/t1/metadata`, leaveOut: /^v\d+\.\d/ },
  { dir: `${PERSISTENT}/equality_deletes/warehouse/mydb/mytable/metadata`, leaveOut: /^v[5-9]\./ },
  { dir: `${PERSISTENT}/iceberg_v1_repro/repro/merch_v1/metadata`, leaveOut: /^00004-/ },
  { dir: `${PERSISTENT}/add_columns_with_defaults/default.db/add_columns_with_defaults/metadata` },
];

interface Version {
  file: string;
  meta: TableMetadata;
}

function history({ dir, leaveOut }: (typeof HISTORIES)[number]): Version[] {
  const folder = icebergFixture(...dir.split("/"));
  const files = readdirSync(folder).filter(
    (f) => /\.metadata\.json(\.gz)?$/.test(f) && !leaveOut?.test(f),
  );
  const order = (f: string) => Number(/^v?(\d+)/.exec(f)?.[1] ?? Number.NaN);
  files.sort((a, b) => order(a) - order(b));
  return files.map((file) => ({
    file,
    meta: readMetadataFile(readFileSync(path.join(folder, file))),
  }));
}

describe.each(HISTORIES)("replaying $dir", (entry) => {
  const versions = history(entry);

  it("creates the first version from nothing", () => {
    const first = versions[0].meta;
    const made = applyUpdates(null, updatesBetween(null, first), { now: first.lastUpdatedMs });
    expect(made).toEqual(first);
  });

  it.each(versions.slice(1).map((v, i) => [v.file, i] as const))("commits %s", (_, i) => {
    const before = versions[i].meta;
    const after = versions[i + 1].meta;
    const previous = after.metadataLog.at(-1)?.metadataFile;
    const applied = applyUpdates(before, updatesBetween(before, after), {
      now: after.lastUpdatedMs,
      previousMetadataLocation: previous,
    });
    expect(applied).toEqual(after);
    expectWritable(applied);
  });
});

/** The REST updates that turn `before` into `after`, in the order Java's builder records them. */
function updatesBetween(before: TableMetadata | null, after: TableMetadata): TableUpdate[] {
  const updates: TableUpdate[] = [];
  if (!before) {
    updates.push({ action: "assign-uuid", uuid: after.tableUuid });
    updates.push({ action: "upgrade-format-version", formatVersion: after.formatVersion });
  }
  const has = <T>(list: T[] | undefined, match: (item: T) => boolean) => list?.some(match) ?? false;
  for (const schema of after.schemas) {
    if (!has(before?.schemas, (s) => s.schemaId === schema.schemaId)) {
      updates.push({ action: "add-schema", schema });
    }
  }
  if (before?.currentSchemaId !== after.currentSchemaId) {
    updates.push({ action: "set-current-schema", schemaId: after.currentSchemaId });
  }
  for (const spec of after.partitionSpecs) {
    if (!has(before?.partitionSpecs, (s) => s.specId === spec.specId)) {
      updates.push({ action: "add-spec", spec });
    }
  }
  if (before?.defaultSpecId !== after.defaultSpecId) {
    updates.push({ action: "set-default-spec", specId: after.defaultSpecId });
  }
  for (const sortOrder of after.sortOrders) {
    if (!has(before?.sortOrders, (o) => o.orderId === sortOrder.orderId)) {
      updates.push({ action: "add-sort-order", sortOrder });
    }
  }
  if (before?.defaultSortOrderId !== after.defaultSortOrderId) {
    updates.push({ action: "set-default-sort-order", sortOrderId: after.defaultSortOrderId });
  }
  if (before?.location !== after.location) {
    updates.push({ action: "set-location", location: after.location });
  }
  updates.push(...propertyUpdates(before?.properties ?? {}, after.properties));
  updates.push(...snapshotUpdates(before, after));
  return updates;
}

function propertyUpdates(before: Record<string, string>, after: Record<string, string>) {
  const updates: TableUpdate[] = [];
  const changed = Object.entries(after).filter(([k, v]) => before[k] !== v);
  if (changed.length > 0) {
    updates.push({ action: "set-properties", updates: Object.fromEntries(changed) });
  }
  const removed = Object.keys(before).filter((k) => !(k in after));
  if (removed.length > 0) updates.push({ action: "remove-properties", removals: removed });
  return updates;
}

function snapshotUpdates(before: TableMetadata | null, after: TableMetadata): TableUpdate[] {
  const updates: TableUpdate[] = [];
  const known = new Set(before?.snapshots.map((s) => s.snapshotId));
  for (const snapshot of after.snapshots) {
    if (!known.has(snapshot.snapshotId)) updates.push({ action: "add-snapshot", snapshot });
  }
  for (const [refName, ref] of Object.entries(after.refs)) {
    const old = before?.refs[refName];
    if (!old || old.snapshotId !== ref.snapshotId) {
      updates.push({ action: "set-snapshot-ref", refName, ...ref });
    }
  }
  const kept = new Set(after.snapshots.map((s) => s.snapshotId));
  const removed = (before?.snapshots ?? []).filter((s) => !kept.has(s.snapshotId));
  if (removed.length > 0) {
    updates.push({ action: "remove-snapshots", snapshotIds: removed.map((s) => s.snapshotId) });
  }
  return updates;
}
