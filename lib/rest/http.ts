/**
 * Request bodies in, responses out. Bodies are parsed with the spec module's exact JSON
 * parser (64-bit ids stay bigint) and responses written with `stringifyJson` (bigint as
 * a plain number), so no id is ever rounded on the way through.
 */
import { type JsonValue, JsonSyntaxError, parseJson, stringifyJson } from "@/lib/iceberg/spec";
import { badRequest, RestError } from "./errors";

/** Bodies beyond this are refused before parsing: a commit is kilobytes, not megabytes. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

const JSON_TYPE = { "content-type": "application/json" };

export function jsonResponse(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return jsonTextResponse(stringifyJson(body), init);
}

/** For bodies serialised (and cached) beforehand: text, or its UTF-8 bytes. */
export function jsonTextResponse(body: string | Uint8Array<ArrayBuffer>, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  // A known length lets the server send the body in one piece instead of chunks.
  const length = typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
  return new Response(body, { status: init.status ?? 200, headers: { ...JSON_TYPE, "content-length": String(length), ...init.headers } });
}

export function noContent(headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 204, headers });
}

/** The raw body, refused when too large. */
export async function readBodyText(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw tooLarge();
  return text;
}

function tooLarge(): RestError {
  return new RestError(413, "BadRequestException", `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB.`);
}

/** Deeper bodies are refused: readers of schemas and types recurse, and no real request nests this far. */
export const MAX_BODY_DEPTH = 100;

/** The body as exact JSON; an empty, malformed or absurdly nested body is a 400 that says why. */
export function parseBody(text: string): JsonValue {
  if (text.trim() === "") throw badRequest("The request needs a JSON body.");
  let value: JsonValue;
  try {
    value = parseJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw badRequest(`Malformed JSON body: ${error.message}`);
    if (error instanceof RangeError) throw tooDeep();
    throw error;
  }
  if (depthOf(value) > MAX_BODY_DEPTH) throw tooDeep();
  return value;
}

function tooDeep(): RestError {
  return badRequest(`The JSON body nests deeper than ${MAX_BODY_DEPTH} levels.`);
}

/** Nesting depth of arrays and objects, without recursion. */
function depthOf(root: JsonValue): number {
  let deepest = 0;
  const stack: [JsonValue, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [JsonValue, number];
    if (value === null || typeof value !== "object") continue;
    deepest = Math.max(deepest, depth);
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** A boolean query parameter ("true"/"false", any case); absent → the default. */
export function booleanParam(url: URL, name: string, fallback = false): boolean {
  const value = url.searchParams.get(name);
  if (value === null || value === "") return fallback;
  const lower = value.toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  throw badRequest(`The query parameter ${name} must be true or false, not "${value.slice(0, 40)}".`);
}
