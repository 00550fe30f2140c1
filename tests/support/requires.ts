/**
 * Suites that need something outside the repository (the shared Iceberg fixtures, Apache's
 * Python Avro reader). Where it is missing the suite is not skipped: one test fails and
 * says what is missing and how to get it, so a machine without it cannot pass by accident.
 *
 *   describeWhere({ ok: python.ok, missing: python.reason }, "Apache's Python Avro reader", () => { … });
 */
import { describe, it } from "vitest";

export interface Requirement {
  ok: boolean;
  /** What is missing and how to get it; shown when `ok` is false. */
  missing?: string;
}

export function describeWhere(requirement: Requirement, name: string, body: () => void): void {
  if (requirement.ok) {
    describe(name, body);
    return;
  }
  describe(name, () => {
    it("has what it needs", () => {
      throw new Error(requirement.missing ?? "a requirement of this suite is missing");
    });
  });
}
