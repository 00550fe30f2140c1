import { AppError } from "@/lib/errors";

/** Properties are stored as a JSON object of strings. */
export function parseProperties(text: string): Record<string, string> {
  const value = JSON.parse(text) as unknown;
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, string>) : {};
}

export function validateProperties(properties: unknown): Record<string, string> {
  if (properties === undefined || properties === null) return {};
  if (typeof properties !== "object" || Array.isArray(properties)) throw new AppError("bad_request", "Properties must be an object of text values.");
  const entries = Object.entries(properties as Record<string, unknown>);
  if (entries.length > 1000) throw new AppError("bad_request", "At most 1000 properties are allowed.");
  for (const [key, value] of entries) {
    if (!key || key.length > 255) throw new AppError("bad_request", "Property names must have 1 to 255 characters.");
    if (typeof value !== "string") throw new AppError("bad_request", `Property "${key}" must be text.`);
    if (value.length > 65_536) throw new AppError("bad_request", `Property "${key}" is longer than 64 KiB.`);
  }
  return Object.fromEntries(entries) as Record<string, string>;
}
