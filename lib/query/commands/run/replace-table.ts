/**
 * CREATE OR REPLACE TABLE … AS SELECT on a table that exists: ONE commit on that table —
 * the query's columns as a new current schema (fresh field ids), the PARTITIONED BY as
 * the new default spec, and an overwrite snapshot that removes every file and adds the
 * new rows. Its history stays (time travel reads the old snapshots with their schema).
 * Needs `table.write` and `table.alter`; a commit that lands meanwhile makes it fail.
 */
import { requireAuthorized } from "@/lib/access";
import { commitTable, loadTable, partitionSpecFromInput, type TableIdent } from "@/lib/catalog";
import { AppError } from "@/lib/errors";
import { applyUpdates, LAST_ADDED, type TableUpdate } from "@/lib/iceberg/commit";
import { assignFreshIds, type NestedField, type TableMetadata } from "@/lib/iceberg/spec";
import { type PreparedCommit, prepareOverwrite } from "@/lib/iceberg/write";
import type { EngineConnection } from "../../types";
import { fullName, tableResource } from "../names";
import type { CreateTableAs } from "../parse";
import { type CommandEnv, cancelled } from "./context";
import { icebergTypeOf } from "./duck-schema";
import type { Materialized } from "./materialize";
import { tableProperties } from "./tables";

export async function replaceTable(env: CommandEnv, ident: TableIdent, c: CreateTableAs, connection: EngineConnection, signal: AbortSignal, rows: Materialized): Promise<void> {
  requireAuthorized(env.ctx.actor, "table.write", tableResource(ident));
  requireAuthorized(env.ctx.actor, "table.alter", tableResource(ident));
  const { metadata: base } = await loadTable(env.ctx, ident);
  const updates = definitionUpdates(base, c, rows);
  const next = applyUpdates(base, updates, { now: Date.now() });
  const prepared: PreparedCommit = await prepareOverwrite({ connection: connection.duck, io: env.ctx.io, metadata: next, sourceSql: `SELECT * FROM ${rows.table}` });
  try {
    if (signal.aborted) throw cancelled(signal);
    const result = await commitTable(
      env.ctx,
      ident,
      async ({ metadata }) => {
        if (metadata.currentSnapshotId !== base.currentSnapshotId || metadata.currentSchemaId !== base.currentSchemaId) {
          throw new AppError("conflict", `${fullName(ident)} changed while this statement ran; nothing was written. Run it again.`);
        }
        const snapshot = await prepared.buildCommit(applyUpdates(metadata, updates, { now: Date.now() }));
        return { requirements: [{ type: "assert-table-uuid", uuid: metadata.tableUuid }, ...snapshot.requirements], updates: [...updates, ...snapshot.updates] };
      },
      { description: "replace table as select" },
    );
    await prepared.cleanup(result.metadata);
  } catch (error) {
    await prepared.cleanup().catch(() => {});
    throw error;
  }
}

/** The new schema, default spec and properties, as updates on top of the table. */
function definitionUpdates(base: TableMetadata, c: CreateTableAs, rows: Materialized): TableUpdate[] {
  const fields: NestedField[] = rows.columns.map((col) => ({ id: 0, name: col.name, required: false, type: icebergTypeOf(col.name, col.type) }));
  const { schema, lastColumnId } = assignFreshIds({ type: "struct", fields }, { lastColumnId: base.lastColumnId });
  const spec = partitionSpecFromInput(schema, c.partitionBy);
  const properties = tableProperties(c);
  return [
    { action: "add-schema", schema, lastColumnId },
    { action: "set-current-schema", schemaId: LAST_ADDED },
    { action: "add-spec", spec: { fields: spec.fields.map(({ fieldId: _, ...field }) => field) } },
    { action: "set-default-spec", specId: LAST_ADDED },
    ...(Object.keys(properties).length ? [{ action: "set-properties" as const, updates: properties }] : []),
  ];
}
