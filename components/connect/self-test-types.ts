/** One step of the REST handshake self-test, as the page shows it. */
export interface SelfTestStep {
  name: string;
  outcome: "ok" | "failed" | "skipped";
  /** What happened, for people: "3 namespaces: sales, staging, raw". */
  detail: string;
  status?: number;
  ms?: number;
}
