import { describe, expect, it } from "vitest";
import { parseConnection } from "./connection";
import { connectionProblem } from "./problems";

const c = parseConnection({ type: "postgresql", host: "db.internal", database: "shop", user: "app", password: "Pw-123456", ssl: "verify-full" });
const fail = (code: string, message: string) => Object.assign(new Error(message), { code });

describe("connectionProblem", () => {
  it.each([
    [fail("ENOTFOUND", "getaddrinfo ENOTFOUND db.internal"), "unreachable", 'The host "db.internal" could not be found'],
    [fail("ECONNREFUSED", "connect ECONNREFUSED"), "unreachable", "Cannot reach the PostgreSQL server at db.internal:5432"],
    [new Error("Connection terminated due to connection timeout"), "timeout", "did not answer within 5 seconds"],
    [fail("28P01", 'password authentication failed for user "app"'), "auth", 'refused user "app"'],
    [fail("3D000", 'database "shop" does not exist'), "database", 'There is no database "shop"'],
    [fail("DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate"), "ssl", "certificate could not be verified"],
    [new Error("The server does not support SSL connections"), "ssl", "does not accept SSL"],
    [fail("XX000", "weird failure near Pw-123456"), "other", "answered with an error (XX000): weird failure near ***"],
  ])("%s → %s", (error, reason, message) => {
    const problem = connectionProblem(c, error);
    expect(problem.reason).toBe(reason);
    expect(problem.message).toContain(message);
    expect(`${problem.message} ${problem.internal}`).not.toContain("Pw-123456");
  });
});
