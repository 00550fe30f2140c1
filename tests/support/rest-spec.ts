/**
 * Validates JSON values against the Iceberg REST Catalog OpenAPI spec's component
 * schemas (`TableMetadata`, `LoadTableResult`, `ErrorModel`, …), for tests.
 *
 *   expectRestSchema("LoadTableResult", body);          // throws with readable errors
 *   const errors = restSchemaErrors("ErrorModel", body); // [] when valid
 *
 * The spec is read from the shared fixtures (`icebergFixturesDir()`), converted once to
 * a JSON Schema 2020-12 document and handed to ajv; each component is compiled on first
 * use and cached, so validating every response of a test suite stays cheap.
 *
 * Conversion from the spec's OpenAPI dialect:
 * - `#/components/schemas/X` refs point at `#/$defs/X`;
 * - `nullable: true` (an OpenAPI 3.0 leftover in the 3.1 document) admits null;
 * - `oneOf` is checked as `anyOf`: the spec uses it for "one of these shapes" with
 *   alternatives that overlap (every integer is both an IntegerTypeValue and a
 *   LongTypeValue), so a strict exactly-one reading would reject valid payloads;
 * - OpenAPI-only keywords (`example`, `discriminator`, `xml`, `externalDocs`) are dropped.
 * Values may carry bigint (from `parseJson`); they are checked as numbers.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse as parseYaml } from "yaml";
import { icebergFixturesDir } from "../../lib/iceberg/spec/test-fixtures";

const SPEC_FILE = "rest-catalog-open-api.yaml";
const DOCUMENT_ID = "iceberg-rest-catalog";
const MAX_ERRORS_SHOWN = 12;

type Schema = Record<string, unknown>;

interface LoadedSpec {
  ajv: Ajv2020;
  names: Set<string>;
  validators: Map<string, ValidateFunction>;
}

let loaded: LoadedSpec | undefined;

/** Names of all component schemas in the spec. */
export function restSchemaNames(): string[] {
  return [...spec().names].sort();
}

/** Readable validation errors (`/snapshots/0: must have required property 'summary'`); [] when valid. */
export function restSchemaErrors(name: string, value: unknown): string[] {
  const validate = validatorFor(name);
  if (validate(withNumbersForBigints(value))) return [];
  return describeErrors(validate.errors ?? []);
}

/** Throws an Error listing what does not match when `value` is not a valid `name`. */
export function expectRestSchema(name: string, value: unknown): void {
  const errors = restSchemaErrors(name, value);
  if (errors.length === 0) return;
  const shown = errors.slice(0, MAX_ERRORS_SHOWN).map((e) => `  ${e}`);
  if (errors.length > MAX_ERRORS_SHOWN)
    shown.push(`  … and ${errors.length - MAX_ERRORS_SHOWN} more`);
  throw new Error(`Value does not match REST spec schema ${name}:\n${shown.join("\n")}`);
}

function validatorFor(name: string): ValidateFunction {
  const { ajv, names, validators } = spec();
  let validate = validators.get(name);
  if (validate) return validate;
  if (!names.has(name)) {
    throw new Error(`Unknown REST spec schema "${name}" (see restSchemaNames())`);
  }
  validate = ajv.getSchema(`${DOCUMENT_ID}#/$defs/${name}`);
  if (!validate) throw new Error(`Could not compile REST spec schema "${name}"`);
  validators.set(name, validate);
  return validate;
}

function spec(): LoadedSpec {
  if (loaded) return loaded;
  const file = path.join(icebergFixturesDir(), SPEC_FILE);
  if (!existsSync(file)) throw new Error(`Iceberg fixtures not found at ${file}`);
  const document = parseYaml(readFileSync(file, "utf8")) as {
    components: { schemas: Record<string, Schema> };
  };
  const components = document.components.schemas;
  const $defs = Object.fromEntries(
    Object.entries(components).map(([n, s]) => [n, convertSchema(s)]),
  );
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema({ $id: DOCUMENT_ID, $defs });
  loaded = { ajv, names: new Set(Object.keys(components)), validators: new Map() };
  return loaded;
}

const DROPPED_KEYWORDS = new Set(["example", "discriminator", "xml", "externalDocs", "nullable"]);
const SCHEMA_MAP_KEYWORDS = new Set([
  "properties",
  "patternProperties",
  "$defs",
  "dependentSchemas",
]);
const SCHEMA_LIST_KEYWORDS = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
const SCHEMA_KEYWORDS = new Set([
  "items",
  "additionalProperties",
  "unevaluatedProperties",
  "not",
  "if",
  "then",
  "else",
  "contains",
  "propertyNames",
]);

/** One OpenAPI schema object → JSON Schema 2020-12 (see the file comment). */
function convertSchema(schema: Schema): Schema {
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED_KEYWORDS.has(key)) continue;
    if (key === "$ref" && typeof value === "string") {
      out.$ref = value.replace("#/components/schemas/", "#/$defs/");
    } else if (SCHEMA_MAP_KEYWORDS.has(key) && isSchema(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, s]) => [k, convertAny(s)]));
    } else if (SCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) {
      out[key === "oneOf" ? "anyOf" : key] = value.map(convertAny);
    } else if (SCHEMA_KEYWORDS.has(key)) {
      out[key] = convertAny(value);
    } else {
      out[key] = value;
    }
  }
  return schema.nullable === true ? allowNull(out) : out;
}

function convertAny(value: unknown): unknown {
  return isSchema(value) ? convertSchema(value) : value;
}

function allowNull(schema: Schema): Schema {
  if (Array.isArray(schema.enum)) schema.enum = [...schema.enum, null];
  if (typeof schema.type === "string") return { ...schema, type: [schema.type, "null"] };
  if (Array.isArray(schema.type)) return { ...schema, type: [...schema.type, "null"] };
  return { anyOf: [schema, { type: "null" }] };
}

function isSchema(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function withNumbersForBigints(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(withNumbersForBigints);
  if (isSchema(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withNumbersForBigints(v)]));
  }
  return value;
}

/** Deepest problems first: for a failed anyOf they say which branch nearly matched. */
function describeErrors(errors: ErrorObject[]): string[] {
  const depth = (e: ErrorObject) => e.instancePath.split("/").length;
  const sorted = [...errors].sort((a, b) => depth(b) - depth(a));
  return [...new Set(sorted.map(describeError))];
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath || "(root)";
  const params = error.params as Record<string, unknown>;
  let detail = "";
  if (error.keyword === "additionalProperties") detail = ` '${params.additionalProperty}'`;
  if (error.keyword === "enum") detail = ` ${JSON.stringify(params.allowedValues)}`;
  if (error.keyword === "const") detail = ` ${JSON.stringify(params.allowedValue)}`;
  return `${where}: ${error.message}${detail}`;
}
