/**
 * What catalog search matches a table or view by: its name, namespace, comment, and
 * the names and docs of the columns of its current schema — lower-case, one per line,
 * name first and namespace second. Kept up to date on create, register, rename and
 * every commit; read by the search of lib/catalog/browse.
 */
import type { FileIO } from "@/lib/iceberg/io";
import { allFields, type Schema } from "@/lib/iceberg/spec";
import type { TableIdent } from "./identifiers";
import { readTableMetadata, readViewMetadata } from "./metadata-files";
import type { TableRow } from "./table-rows";

export interface Searchable {
  namespace: string[];
  name: string;
  comment?: string | null;
  schema?: Schema;
}

export function searchText(object: Searchable): string {
  const fields = object.schema ? allFields(object.schema) : [];
  const parts = [object.name, object.namespace.join("."), object.comment ?? "", ...fields.map((f) => f.fullName), ...fields.map((f) => f.field?.doc ?? "")];
  return parts
    .filter((part) => part !== "")
    .join("\n")
    .toLowerCase();
}

/** The search text of a row under a new name: from its metadata, or by replacing the name lines of rows without any. */
export async function renamedSearchText(io: FileIO, row: TableRow, from: TableIdent, to: TableIdent): Promise<string> {
  if (row.metadataLocation && row.kind === "view") {
    const view = await readViewMetadata(io, row.metadataLocation);
    const version = view.versions.find((v) => v.versionId === view.currentVersionId);
    return searchText({ ...to, comment: row.comment, schema: view.schemas.find((s) => s.schemaId === version?.schemaId) });
  }
  if (row.metadataLocation) {
    const table = await readTableMetadata(io, row.metadataLocation);
    return searchText({ ...to, comment: row.comment, schema: table.schemas.find((s) => s.schemaId === table.currentSchemaId) });
  }
  const head = (ident: TableIdent) => searchText({ namespace: ident.namespace, name: ident.name });
  const oldHead = head(from);
  return row.searchText.startsWith(oldHead) ? head(to) + row.searchText.slice(oldHead.length) : searchText({ ...to, comment: row.comment });
}
