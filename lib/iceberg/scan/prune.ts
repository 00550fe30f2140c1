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

export class Pruner {
  readonly bound: BoundExpr | undefined;
  private readonly bySpec = new Map<number, PartitionFilter | undefined>();

  constructor(
    schema: Schema,
    filter: UnboundExpr | undefined,
    private readonly specs: ReadonlyMap<number, PartitionSpec>,
    caseSensitive = true,
  ) {
    this.bound = filter ? bind(schema, filter, { caseSensitive }) : undefined;
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
    return !bound || safely(() => metricsMightMatch(bound, file));
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
