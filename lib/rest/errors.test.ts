import { describe, expect, it } from "vitest";
import { AppError, INTERNAL_ERROR_MESSAGE } from "@/lib/errors";
import { CommitConflictError, CommitValidationError } from "@/lib/iceberg/commit";
import { FileNotFoundError } from "@/lib/iceberg/io";
import { type ErrorProfile, mapError, RestError } from "./errors";

const onTable: ErrorProfile = { notFound: "table", conflict: "ConflictException" };
const rename: ErrorProfile = { notFound: "table-or-namespace", conflict: "AlreadyExistsException" };
const commit: ErrorProfile = { notFound: "table", conflict: "CommitFailedException", commit: true };

describe("mapError: one table from what the core throws to status and Java's exception type", () => {
  it.each([
    [new AppError("bad_request", "x"), onTable, 400, "BadRequestException"],
    [new AppError("unauthenticated", "x"), onTable, 401, "NotAuthorizedException"],
    [new AppError("forbidden", "x"), onTable, 403, "ForbiddenException"],
    [new AppError("not_found", "Table db.t does not exist."), onTable, 404, "NoSuchTableException"],
    [new AppError("not_found", "Namespace db does not exist."), { ...onTable, notFound: "namespace" }, 404, "NoSuchNamespaceException"],
    [new AppError("not_found", "View db.v does not exist."), { ...onTable, notFound: "view" }, 404, "NoSuchViewException"],
    [new AppError("not_found", "Catalog c does not exist."), { ...onTable, notFound: "warehouse" }, 404, "NoSuchWarehouseException"],
    [new AppError("not_found", "Namespace other does not exist."), rename, 404, "NoSuchNamespaceException"],
    [new AppError("not_found", "Catalog c does not exist."), rename, 404, "NoSuchNamespaceException"],
    [new AppError("not_found", "Table db.t does not exist."), rename, 404, "NoSuchTableException"],
    [new AppError("not_found", "View db.v does not exist."), { ...rename, notFound: "view-or-namespace" }, 404, "NoSuchViewException"],
    [new AppError("conflict", "x"), rename, 409, "AlreadyExistsException"],
    [new AppError("conflict", "x"), commit, 409, "CommitFailedException"],
    [new AppError("conflict", "x"), { ...onTable, conflict: "NamespaceNotEmptyException" }, 409, "NamespaceNotEmptyException"],
    [new AppError("too_many_requests", "x"), onTable, 429, "TooManyRequestsException"],
    [new AppError("unavailable", "x"), onTable, 503, "ServiceUnavailableException"],
    [new AppError("internal", "x"), onTable, 500, "InternalServerError"],
    [new AppError("internal", "x"), commit, 500, "CommitStateUnknownException"],
    [new CommitValidationError("bad", "updates[0]"), commit, 400, "BadRequestException"],
    [new FileNotFoundError("/x/metadata.json"), onTable, 404, "NotFoundException"],
    [new RestError(422, "UnprocessableEntityException", "x"), onTable, 422, "UnprocessableEntityException"],
    [new Error("invalid byte sequence for encoding \"UTF8\": 0x00"), onTable, 400, "BadRequestException"],
    [new TypeError("boom"), onTable, 500, "InternalServerError"],
    [new TypeError("boom"), commit, 500, "CommitStateUnknownException"],
  ] as const)("%s on %j → %i %s", (error, profile, status, type) => {
    const mapped = mapError(error, profile as ErrorProfile);
    expect(mapped.status).toBe(status);
    expect(mapped.body.error).toMatchObject({ type, code: status });
    expect(mapped.internal).toBe(status === 500);
  });

  it("never shows a foreign error's text", () => {
    const mapped = mapError(new Error("ECONNREFUSED 10.0.0.5:5432 at /srv/tarn/lib/db.ts:12"), onTable);
    expect(mapped.body.error.message).toBe(INTERNAL_ERROR_MESSAGE);
  });

  it("says which requirement failed on a conflict", () => {
    const error = new CommitConflictError({ type: "assert-current-schema-id", currentSchemaId: 0 }, 0, 1, "current schema changed: expected 0 != 1");
    expect(mapError(error, commit).body.error).toEqual({ type: "CommitFailedException", code: 409, message: "Requirement failed: current schema changed: expected 0 != 1" });
  });
});
