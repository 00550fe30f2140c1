"use server";

import { z } from "zod";
import { action } from "@/app/_server/action";
import { catalogContext } from "@/app/_server/catalog-context";
import { tableInput } from "./_server/inputs";
import { tableSample } from "./_server/sample";
import { tableDdlText, tableFiles, tableOverview, tableSchema, tableSchemaDiff, tableSnapshots } from "./_server/table-views";

export const tableOverviewAction = action({ name: "catalog.table.overview", operation: "table.read", input: tableInput }, (ident, { db, principal }) =>
  tableOverview(catalogContext(principal, db), ident),
);

export const tableSchemaAction = action({ name: "catalog.table.schema", operation: "table.read", input: tableInput }, (ident, { db, principal }) =>
  tableSchema(catalogContext(principal, db), ident),
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

export const tableSchemaDiffAction = action({ name: "catalog.table.schemaDiff", operation: "table.read", input: diffInput }, ({ from, to, ...ident }, { db, principal }) =>
  tableSchemaDiff(catalogContext(principal, db), ident, from, to),
);

export const tableDdlAction = action({ name: "catalog.table.ddl", operation: "table.read", input: tableInput }, (ident, { db, principal }) =>
  tableDdlText(catalogContext(principal, db), ident),
);
