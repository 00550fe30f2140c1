"use server";

import { z } from "zod";
import { action } from "@/app/_server/action";
import { catalogContext } from "@/app/_server/catalog-context";
import { tableFiles } from "./_server/files";
import { tableInput } from "./_server/inputs";
import { tableSample } from "./_server/sample";
import { diffSchemaVersions } from "./_server/schema-diff";
import { tableOverview, tableSchema, tableSchemas, tableSnapshots } from "./_server/table-views";

const schemaInput = tableInput.extend({ schemaId: z.number().int().min(0).optional() });

export const tableOverviewAction = action({ name: "catalog.table.overview", operation: "table.read", input: tableInput }, (ident, { db, principal }) =>
  tableOverview(catalogContext(principal, db), ident),
);

export const tableSchemaAction = action({ name: "catalog.table.schema", operation: "table.read", input: schemaInput }, ({ schemaId, ...ident }, { db, principal }) =>
  tableSchema(catalogContext(principal, db), ident, schemaId),
);

export const tableSnapshotsAction = action({ name: "catalog.table.snapshots", operation: "table.read", input: tableInput }, (ident, { db, principal }) =>
  tableSnapshots(catalogContext(principal, db), ident),
);

export const tableFilesAction = action({ name: "catalog.table.files", operation: "table.read", input: tableInput }, (ident, { db, principal }) =>
  tableFiles(catalogContext(principal, db), ident),
);

export const tableSampleAction = action({ name: "catalog.table.sample", operation: "table.read", input: tableInput }, (ident, { db, principal }) =>
  tableSample(catalogContext(principal, db), ident),
);

const diffInput = tableInput.extend({ from: z.number().int().min(0), to: z.number().int().min(0) });

export const tableSchemaDiffAction = action({ name: "catalog.table.schemaDiff", operation: "table.read", input: diffInput }, async ({ from, to, ...ident }, { db, principal }) =>
  diffSchemaVersions(await tableSchemas(catalogContext(principal, db), ident), from, to),
);
