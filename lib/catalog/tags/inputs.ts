/**
 * The boundary of tags: zod schemas for what callers send, and the rules for keys and
 * values. Keys are named like catalog objects (names.ts) and may not contain "=", which
 * search reads as KEY=VALUE; values are short single-line text.
 */
import { z } from "zod";
import { AppError, parseInput } from "@/lib/errors";
import { nameProblem } from "../names";

export const MAX_TAG_VALUES = 1000;
export const MAX_TAG_VALUE_LENGTH = 255;
export const MAX_TAG_DESCRIPTION = 2000;

const catalog = z.string().min(1, "Name the catalog.").max(2000);
const namespace = z.array(z.string()).min(1, "Name the namespace.").max(16);
const name = z.string().min(1, "Name the table or view.").max(255);

/** The object a tag is on. A column is named by its field id, its dotted path, or both. */
export const tagTargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("catalog"), catalog }),
  z.object({ kind: z.literal("namespace"), catalog, namespace }),
  z.object({ kind: z.enum(["table", "view"]), catalog, namespace, name }),
  z.object({
    kind: z.literal("column"),
    catalog,
    namespace,
    name,
    column: z.string().min(1).max(2000).optional(),
    fieldId: z.number().int().nonnegative().optional(),
  }),
]);
export type TagTarget = z.infer<typeof tagTargetSchema>;

const descriptionSchema = z
  .string()
  .max(MAX_TAG_DESCRIPTION, `A description can have at most ${MAX_TAG_DESCRIPTION} characters.`)
  .nullish();
const allowedValuesSchema = z
  .array(z.string())
  .min(1, "A tag key needs at least one allowed value.")
  .max(MAX_TAG_VALUES, `A tag key can have at most ${MAX_TAG_VALUES} values.`);

export const tagKeyInputSchema = z.object({
  name: z.string(),
  description: descriptionSchema,
  allowedValues: allowedValuesSchema,
});
export type TagKeyInput = z.input<typeof tagKeyInputSchema>;

export const tagKeyChangeSchema = z.object({
  description: descriptionSchema,
  allowedValues: allowedValuesSchema.optional(),
});
export type TagKeyChange = z.input<typeof tagKeyChangeSchema>;

export function parseTarget(raw: unknown): TagTarget {
  const target = parseInput(tagTargetSchema, raw);
  if (target.kind === "column" && target.column === undefined && target.fieldId === undefined) {
    throw new AppError("bad_request", "Name the column, or give its field id.");
  }
  return target;
}

/** What is wrong with a tag key name, or null. */
export function tagKeyProblem(key: unknown): string | null {
  const problem = nameProblem(key, "tag key");
  if (problem) return problem;
  if ((key as string).includes("=")) return "cannot contain = (search reads KEY=VALUE)";
  return null;
}

export function validateTagKey(key: unknown): string {
  const problem = tagKeyProblem(key);
  if (problem)
    throw new AppError("bad_request", `A tag key ${problem}; ${shown(key)} is not allowed.`, {
      fieldErrors: { name: [`A tag key ${problem}.`] },
    });
  return key as string;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
const CONTROL = /[\u0000-\u001f\u007f]/;

/** What is wrong with a tag value, or null. */
export function tagValueProblem(value: unknown): string | null {
  if (typeof value !== "string") return "must be text";
  if (value.length === 0) return "cannot be empty";
  if (value.length > MAX_TAG_VALUE_LENGTH)
    return `can have at most ${MAX_TAG_VALUE_LENGTH} characters`;
  if (value.trim() !== value) return "cannot start or end with a space";
  if (CONTROL.test(value)) return "cannot contain control characters";
  return null;
}

/** Allowed values: each valid, none repeated (ignoring case: search ignores it too); order kept. */
export function validateAllowedValues(values: string[]): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    const problem = tagValueProblem(value);
    if (problem)
      throw new AppError("bad_request", `A tag value ${problem}; ${shown(value)} is not allowed.`, {
        fieldErrors: { allowedValues: [`A tag value ${problem}.`] },
      });
    const lower = value.toLowerCase();
    if (seen.has(lower))
      throw new AppError("bad_request", `The value "${value}" is listed twice.`, {
        fieldErrors: { allowedValues: [`"${value}" is listed twice.`] },
      });
    seen.add(lower);
  }
  return values;
}

function shown(value: unknown): string {
  return typeof value === "string"
    ? `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`
    : "the value";
}
