import type { z } from "zod";
import { AppError, type FieldErrors } from "./app-error";

/** Parses input with a zod schema; failures become a bad_request with per-field messages. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "_";
    fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
  }
  const first = result.error.issues[0];
  const where = first.path.length ? `${first.path.join(".")}: ` : "";
  throw new AppError("bad_request", `${where}${first.message}`, { fieldErrors });
}
