import "server-only";
import { forbidden, redirect } from "next/navigation";
import { authorize, type Operation, type Principal } from "@/lib/access";
import { currentPrincipal } from "./auth";

/**
 * Every studio page starts here: no session → the sign-in page (coming back afterwards);
 * signed in without the right → a 403 page that says so.
 */
export async function requirePage(operation: Operation, returnTo: string): Promise<Principal> {
  const principal = await currentPrincipal();
  if (!principal) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!authorize(principal, operation).allowed) forbidden();
  return principal;
}
