/**
 * Where tests find the shared Iceberg reference material (real tables, metadata
 * fixtures, the REST spec), and small edits to make invalid variants of a fixture. The
 * material lives outside the repository, at `../shared/iceberg` from the project root,
 * or wherever `TARN_ICEBERG_FIXTURES` points. Test-only: shipped code never imports this.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { JsonObject, JsonValue } from "./json";

export const FIXTURES_ENV = "TARN_ICEBERG_FIXTURES";

/** The `iceberg` fixtures folder; throws a plain message when it is not there. */
export function icebergFixturesDir(): string {
  const dir = process.env[FIXTURES_ENV] || path.resolve(process.cwd(), "../shared/iceberg");
  if (!existsSync(dir)) {
    throw new Error(
      `Iceberg fixtures not found at ${dir} (set ${FIXTURES_ENV} to the iceberg folder)`,
    );
  }
  return dir;
}

/** A path inside the fixtures folder, which must exist. */
export function icebergFixture(...segments: string[]): string {
  const file = path.join(icebergFixturesDir(), ...segments);
  if (!existsSync(file)) throw new Error(`Iceberg fixture not found at ${file}`);
  return file;
}

/** An in-place edit of a parsed JSON document, for table-driven "this must fail" tests. */
export type Mutation = (doc: JsonObject) => void;

/** Sets the value at a dotted path such as "schemas.0.fields.1.type". */
export function set(path: string, value: JsonValue): Mutation {
  return (doc) => {
    const [parent, key] = parentOf(doc, path);
    parent[key] = value;
  };
}

/** Deletes the entry at a dotted path. */
export function del(path: string): Mutation {
  return (doc) => {
    const [parent, key] = parentOf(doc, path);
    delete parent[key];
  };
}

export function all(...mutations: Mutation[]): Mutation {
  return (doc) => {
    for (const mutate of mutations) mutate(doc);
  };
}

function parentOf(doc: JsonObject, path: string): [JsonObject, string] {
  const keys = path.split(".");
  const last = keys.pop() as string;
  const parent = keys.reduce<JsonValue>((node, key) => (node as JsonObject)[key], doc);
  return [parent as JsonObject, last];
}
