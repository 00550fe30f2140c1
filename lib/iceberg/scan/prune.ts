/**
 * File pruning for one scan: the row filter bound to the scan's schema, projected once per
 * partition spec, tested against manifest partition summaries, data-file partition tuples
 * and column metrics. Every test is inclusive: false only when no row can match.
 *
 * An evaluator that throws (metadata whose partition values no longer fit an evolved
 * type, say) counts as "might match": pruning is an optimisation, never a reason to fail
 * or to drop rows.
 */
import {
  type BoundExpr,
  bind,
  metricsMightMatch,
  type PartitionFilter,
  partitionFilter,
  type UnboundExpr,
} from "../expr";
import type { DataFile, ManifestFile } from "../manifest";
import type { PartitionSpec, Schema } from "../spec";

export interface PrunerOptions {
  caseSensitive?: boolean;
  /**
   * Whether column metrics may prune. Not for tables with a name mapping: files written
   * without field ids got their metrics through a mapping that may have changed since, so
   * a column the mapping no longer names reads as NULL whatever its metrics say.
   */
  useMetrics?: boolean;
}

export class Pruner {
  readonly bound: BoundExpr | undefined;
  private readonly bySpec = new Map<number, PartitionFilter | undefined>();
  private readonly useMetrics: boolean;

  constructor(
    schema: Schema,
    filter: UnboundExpr | undefined,
    private readonly specs: ReadonlyMap<number, PartitionSpec>,
    options: PrunerOptions = {},
  ) {
    const bound = filter
      ? bind(schema, filter, { caseSensitive: options.caseSensitive ?? true })
      : undefined;
    this.bound = bound && roundFloatLiterals(bound);
    this.useMetrics = options.useMetrics ?? true;
  }

  manifestMightMatch(manifest: ManifestFile): boolean {
    const filter = this.filterFor(manifest.partitionSpecId);
    return !filter || safely(() => filter.manifestMightMatch(manifest.partitions));
  }

  /** Partition tuple, then column metrics (data files only). */
  dataFileMightMatch(file: DataFile, specId: number): boolean {
    return this.partitionMightMatch(file, specId) && this.metricsMightMatch(file);
  }

  partitionMightMatch(file: DataFile, specId: number): boolean {
    const filter = this.filterFor(specId);
    return !filter || safely(() => filter.partitionMightMatch(file.partition));
  }

  private metricsMightMatch(file: DataFile): boolean {
    const bound = this.bound;
    return !bound || !this.useMetrics || safely(() => metricsMightMatch(bound, file));
  }

  private filterFor(specId: number): PartitionFilter | undefined {
    if (!this.bound) return undefined;
    if (!this.bySpec.has(specId)) {
      const spec = this.specs.get(specId);
      const bound = this.bound;
      this.bySpec.set(
        specId,
        spec ? safely(() => partitionFilter(bound, spec), undefined) : undefined,
      );
    }
    return this.bySpec.get(specId);
  }
}

function safely<T>(test: () => T, fallback: T = true as T): T {
  try {
    return test();
  } catch {
    return fallback;
  }
}

/**
 * A literal compared with a `float` column is a float32, as Java's binding makes it and
 * as SQL engines compare: `x = 1.23` must find the stored float 1.23f
 * (1.2300000190734863), which the double 1.23 is not equal to.
 */
function roundFloatLiterals(expr: BoundExpr): BoundExpr {
  switch (expr.kind) {
    case "true":
    case "false":
      return expr;
    case "and":
    case "or":
      return { ...expr, children: expr.children.map(roundFloatLiterals) };
    case "not":
      return { ...expr, child: roundFloatLiterals(expr.child) };
    default: {
      if (expr.ref.type !== "float") return expr;
      const round = (v: unknown) => (typeof v === "number" ? Math.fround(v) : v);
      if ("value" in expr) return { ...expr, value: round(expr.value) as number };
      if ("values" in expr) return { ...expr, values: expr.values.map(round) as number[] };
      return expr;
    }
  }
}
