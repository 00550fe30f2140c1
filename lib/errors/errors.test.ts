import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, INTERNAL_ERROR_MESSAGE, parseInput, statusOf, toPublicError } from "./index";

describe("AppError", () => {
  it.each([
    ["bad_request", 400],
    ["unauthenticated", 401],
    ["forbidden", 403],
    ["not_found", 404],
    ["conflict", 409],
    ["too_many_requests", 429],
    ["internal", 500],
    ["unavailable", 503],
  ] as const)("%s maps to HTTP %i", (code, status) => {
    expect(statusOf(code)).toBe(status);
    expect(new AppError(code, "x").status).toBe(status);
  });

  it("shows our own messages but never a foreign error's text", () => {
    expect(toPublicError(new AppError("conflict", "Name taken."))).toEqual({ code: "conflict", message: "Name taken.", fieldErrors: undefined });
    const leaked = toPublicError(new Error("ECONNREFUSED 10.0.0.5:5432 at /srv/tarn/lib/db.ts:12"));
    expect(leaked).toEqual({ code: "internal", message: INTERNAL_ERROR_MESSAGE });
  });
});

describe("parseInput", () => {
  const schema = z.object({ name: z.string().min(2, "Too short."), age: z.number().int() });

  it("returns parsed data", () => {
    expect(parseInput(schema, { name: "ada", age: 36 })).toEqual({ name: "ada", age: 36 });
  });

  it("turns failures into bad_request with per-field messages, naming the first field", () => {
    try {
      parseInput(schema, { name: "a", age: 1.5 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const e = error as AppError;
      expect(e.code).toBe("bad_request");
      expect(e.message).toBe("name: Too short.");
      expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual(["age", "name"]);
    }
  });
});
