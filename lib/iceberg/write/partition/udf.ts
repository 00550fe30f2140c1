/**
 * Scalar functions in JS for the transforms that have no exact SQL form here: bucket of
 * strings, uuids, decimals and bytes (murmur3 over a variable number of bytes), and
 * truncate of decimals. Each calls `lib/iceberg/transforms` itself, so it matches the
 * transforms module by construction. Values cross as text or BLOB (decimal text always
 * carries the column's full scale), which keeps the signatures few and fixed.
 *
 * DuckDB registers scalar functions in the database catalog; registering again (from
 * another connection) replaces the same function, so registration is idempotent.
 */
import {
  BLOB,
  type DuckDBConnection,
  DuckDBScalarFunction,
  type DuckDBType,
  INTEGER,
  VARCHAR,
} from "@duckdb/node-api";
import { applyTransform, bucketOf, hashValue } from "../../transforms";
import { formatDecimal, parseDecimal } from "../../values";

type Convert = (value: unknown, arg: number) => string | number;

const decimalType = (scale: number) => `decimal(38, ${scale})`;

const FUNCTIONS: Record<string, { input: DuckDBType; output: DuckDBType; apply: Convert }> = {
  tarn_iceberg_bucket_string: {
    input: VARCHAR,
    output: INTEGER,
    apply: (v, n) => bucketOf(n, hashValue("string", v as string)),
  },
  tarn_iceberg_bucket_uuid: {
    input: VARCHAR,
    output: INTEGER,
    apply: (v, n) => bucketOf(n, hashValue("uuid", v as string)),
  },
  tarn_iceberg_bucket_bytes: {
    input: BLOB,
    output: INTEGER,
    apply: (v, n) => bucketOf(n, hashValue("binary", (v as { bytes: Uint8Array }).bytes)),
  },
  tarn_iceberg_bucket_decimal: {
    input: VARCHAR,
    output: INTEGER,
    apply: (v, n) => {
      const { unscaled, scale } = parseDecimal(v as string);
      return bucketOf(n, hashValue(decimalType(scale), unscaled));
    },
  },
  tarn_iceberg_truncate_decimal: {
    input: VARCHAR,
    output: VARCHAR,
    apply: (v, width) => {
      const { unscaled, scale } = parseDecimal(v as string);
      const truncated = applyTransform(`truncate[${width}]`, decimalType(scale), unscaled);
      return formatDecimal(truncated as bigint, scale);
    },
  },
};

export type TransformUdf = keyof typeof FUNCTIONS;

const registered = new WeakSet<DuckDBConnection>();

/** Makes every function above callable on `connection` (once per connection). */
export function registerTransformUdfs(connection: DuckDBConnection): void {
  if (registered.has(connection)) return;
  for (const [name, spec] of Object.entries(FUNCTIONS)) {
    connection.registerScalarFunction(
      DuckDBScalarFunction.create({
        name,
        returnType: spec.output,
        parameterTypes: [spec.input, INTEGER],
        mainFunction: (_info, input, output) => {
          const values = input.getColumnVector(0);
          const args = input.getColumnVector(1);
          for (let row = 0; row < input.rowCount; row++) {
            const value = values.getItem(row);
            const arg = args.getItem(row) as number | null;
            output.setItem(row, value === null || arg === null ? null : spec.apply(value, arg));
          }
          output.flush();
        },
      }),
    );
  }
  registered.add(connection);
}

/** SQL calling one of the functions (registration is the caller's job, see above). */
export function udfCall(name: TransformUdf, valueSql: string, arg: number): string {
  return `${name}(${valueSql}, CAST(${arg} AS INTEGER))`;
}
