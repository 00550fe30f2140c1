/** Testing a connection: which database, how it answered, how long it took. */
import type { FederatedConnection } from "./connection";
import { mysqlDatabase } from "./mysql";
import { postgresDatabase } from "./postgres";
import { type ConnectionProblemReason, connectionProblem } from "./problems";
import type { RemoteDatabase } from "./remote";

export type ConnectionTestResult =
  | { ok: true; serverVersion: string; latencyMs: number }
  | { ok: false; reason: ConnectionProblemReason; message: string };

export function remoteDatabase(c: FederatedConnection): RemoteDatabase {
  return c.type === "postgresql" ? postgresDatabase(c) : mysqlDatabase(c);
}

export async function tryConnection(c: FederatedConnection): Promise<ConnectionTestResult> {
  const started = performance.now();
  try {
    const serverVersion = await remoteDatabase(c).ping();
    return { ok: true, serverVersion, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    const problem = connectionProblem(c, error);
    return { ok: false, reason: problem.reason, message: problem.message };
  }
}

/** Throws a bad_request saying what is wrong unless the database answers. */
export async function requireWorkingConnection(c: FederatedConnection): Promise<void> {
  try {
    await remoteDatabase(c).ping();
  } catch (error) {
    throw connectionProblem(c, error).toAppError("bad_request");
  }
}
