/**
 * When a scan must look inside its data files before it can write SQL for them.
 *
 * DuckDB's `read_parquet(…, schema = MAP {…})` maps top-level columns by field id, but
 * inside structs, lists and maps it matches by name, it cannot read a 16-byte FIXED
 * column as UUID, and it needs field ids to be there at all. So the Parquet schemas of
 * the data files are read (footer only, cached) when the columns read hold a nested type
 * or a uuid, or when the table has a name mapping (files may lack field ids). Otherwise
 * the id-based `schema` parameter alone is exact.
 */
import type { FileIO } from "../io";
import type { IcebergType } from "../spec";
import { fieldById, typeContains } from "./columns";
import { mapLimit } from "./parallel";
import { readParquetSchema } from "./parquet/footer";
import type { ScanPlan } from "./types";

export function needsFileSchemas(plan: ScanPlan): boolean {
  if (plan.nameMapping) return true;
  return readFieldTypes(plan).some((type) => typeContains(type, isNestedOrUuid));
}

export async function attachFileSchemas(
  io: FileIO,
  plan: ScanPlan,
  concurrency: number,
): Promise<void> {
  await mapLimit(plan.tasks, concurrency, async ({ dataFile }) => {
    dataFile.parquetSchema = await readParquetSchema(io, dataFile.location);
  });
}

/** Types of the projected columns and of the equality-delete columns read with them. */
function readFieldTypes(plan: ScanPlan): IcebergType[] {
  const types = plan.columns.map((field) => field.type);
  const equalityIds = new Set(
    plan.tasks.flatMap((t) => t.deletes.equalityDeletes.flatMap((d) => d.equalityIds ?? [])),
  );
  for (const id of equalityIds) {
    const field = fieldById(plan.metadata, plan.schema, id);
    if (field) types.push(field.type);
  }
  return types;
}

function isNestedOrUuid(type: IcebergType): boolean {
  return typeof type !== "string" || type === "uuid";
}
