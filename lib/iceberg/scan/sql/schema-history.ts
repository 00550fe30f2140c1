/**
 * Which top-level columns can be found in data files by their Parquet column name instead
 * of their field id, judged from the table metadata alone (no footers).
 *
 * Why the metadata is enough: an Iceberg writer names a file's columns after the schema
 * it writes with and gives them that schema's field ids, and that schema is one of
 * `metadata.schemas` (every schema the table has had). So if, in every schema, field id
 * f is always called n and no other field is ever called n — in any case, as DuckDB
 * matches names without regard to case — then in every data file the column named n is
 * the column with id f, and a file without the one has not the other either. Reading by
 * name then yields what reading by id yields, given the same type (never changed, so
 * every file stores it alike) and no initial default (a file without the column reads
 * NULL both ways).
 *
 * What guards the premises:
 * - history gaps: schema ids that are not 0…n, or field ids up to last-column-id that
 *   no schema uses, mean schemas were removed (`remove-schemas`) — with them, perhaps, a
 *   rename or a dropped column. (Not caught: removing the highest schema after the
 *   table went back to an identical earlier one.)
 * - a name mapping: the table has files written without field ids.
 * - two top-level names equal but for case in one schema: DuckDB renames one of them in
 *   such a file (`A` → `A_1`), which might then read as another column.
 * Files written while the table was v1 are refused one by one (name-read.ts): v1 tables
 * written before Iceberg 0.11 kept no schema history.
 *
 * Assumed, as it cannot be seen without the footers: data files come from Iceberg
 * writers, with field ids and a schema's names. Files added from elsewhere (Hive
 * migration, add_files) come with a name mapping, and then the footers are read.
 */
import type { IcebergType, NestedField, TableMetadata } from "../../spec";
import { sameType } from "../../spec";
import { parsePrimitive } from "../../values";
import { NAME_MAPPING_PROPERTY } from "../name-mapping";

export type NameReadRefusal =
  | "history-gaps"
  | "name-mapping"
  | "case-duplicates"
  | "renamed"
  | "name-reused"
  | "type-changed"
  | "initial-default"
  | "type-not-plain";

/**
 * Primitive types whose Parquet column DuckDB reads as exactly the type Tarn asks for.
 * Left out: uuid (a plain FIXED column needs converting, see type-read.ts), the v3 types
 * (nanosecond timestamps, unknown, variant, geo), and every nested type — those scans
 * read the footers anyway, and name-read.ts checks the file's own layout instead.
 */
const PLAIN_KINDS = new Set([
  "boolean",
  "int",
  "long",
  "float",
  "double",
  "decimal",
  "date",
  "time",
  "timestamp",
  "timestamptz",
  "string",
  "binary",
  "fixed",
]);

const cache = new WeakMap<TableMetadata, SchemaHistory>();

export class SchemaHistory {
  /** Why no column of the table may be read by name, if so. */
  readonly tableRefusal: NameReadRefusal | undefined;
  /** Every version of each top-level field, by id. */
  private readonly versions = new Map<number, NestedField[]>();
  /** Ids of the top-level fields that had each name, by lower-case name. */
  private readonly idsByName = new Map<string, Set<number>>();
  private readonly refusals = new Map<NestedField, NameReadRefusal | undefined>();

  static of(metadata: TableMetadata): SchemaHistory {
    let history = cache.get(metadata);
    if (!history) {
      history = new SchemaHistory(metadata);
      cache.set(metadata, history);
    }
    return history;
  }

  private constructor(metadata: TableMetadata) {
    let caseDuplicates = false;
    for (const schema of metadata.schemas) {
      const names = new Set(schema.fields.map((f) => f.name.toLowerCase()));
      if (names.size < schema.fields.length) caseDuplicates = true;
      for (const field of schema.fields) {
        const versions = this.versions.get(field.id);
        if (versions) versions.push(field);
        else this.versions.set(field.id, [field]);
        const lower = field.name.toLowerCase();
        this.idsByName.set(lower, (this.idsByName.get(lower) ?? new Set()).add(field.id));
      }
    }
    if (hasHistoryGaps(metadata)) this.tableRefusal = "history-gaps";
    else if (metadata.properties[NAME_MAPPING_PROPERTY] !== undefined)
      this.tableRefusal = "name-mapping";
    else if (caseDuplicates) this.tableRefusal = "case-duplicates";
  }

  /** Why `field` may not be read by name, if so (the table's refusal first). */
  refusal(field: NestedField): NameReadRefusal | undefined {
    if (this.tableRefusal) return this.tableRefusal;
    // Asked once per data file: remember the answer (it compares every schema's version).
    if (!this.refusals.has(field)) this.refusals.set(field, this.fieldRefusal(field));
    return this.refusals.get(field);
  }

  private fieldRefusal(field: NestedField): NameReadRefusal | undefined {
    const versions = this.versions.get(field.id) ?? [field];
    if (versions.some((v) => v.name !== field.name)) return "renamed";
    const ids = this.idsByName.get(field.name.toLowerCase());
    if (ids && [...ids].some((id) => id !== field.id)) return "name-reused";
    if (versions.some((v) => !sameType(v.type, field.type))) return "type-changed";
    if ([field, ...versions].some((v) => v.initialDefault !== undefined)) return "initial-default";
    if (!isPlain(field.type)) return "type-not-plain";
    return undefined;
  }

  /** True when some schema has a top-level column of this name, in any case. */
  hasName(name: string): boolean {
    return this.idsByName.has(name.toLowerCase());
  }
}

/** A primitive type DuckDB reads out of its Parquet column as is (see PLAIN_KINDS). */
export function isPlain(type: IcebergType): boolean {
  return typeof type === "string" && PLAIN_KINDS.has(parsePrimitive(type).kind);
}

/** Schema ids other than 0…n-1, or field ids up to last-column-id that no schema has. */
function hasHistoryGaps(metadata: TableMetadata): boolean {
  const schemaIds = new Set(metadata.schemas.map((s) => s.schemaId));
  for (let id = 0; id < metadata.schemas.length; id++) if (!schemaIds.has(id)) return true;
  const fieldIds = new Set<number>();
  for (const schema of metadata.schemas) collectIds(schema, fieldIds);
  // Counted rather than looked up one by one: last-column-id is only as sane as the file.
  let used = 0;
  for (const id of fieldIds) if (id >= 1 && id <= metadata.lastColumnId) used++;
  return used < metadata.lastColumnId;
}

function collectIds(type: IcebergType, into: Set<number>): void {
  if (typeof type === "string") return;
  switch (type.type) {
    case "struct":
      for (const field of type.fields) {
        into.add(field.id);
        collectIds(field.type, into);
      }
      return;
    case "list":
      into.add(type.elementId);
      collectIds(type.element, into);
      return;
    case "map":
      into.add(type.keyId).add(type.valueId);
      collectIds(type.key, into);
      collectIds(type.value, into);
  }
}
