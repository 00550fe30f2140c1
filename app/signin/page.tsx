import { redirect } from "next/navigation";
import { currentPrincipal } from "@/app/_server/auth";
import { SignInForm } from "@/components/auth/sign-in-form";
import { readOidcSettings } from "@/lib/auth";

export const metadata = { title: "Sign in" };

/** Only same-site paths: an open redirect after sign-in would be a phishing tool. */
function safeReturnPath(value: string | undefined): string {
  return value?.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/";
}

const ERRORS: Record<string, string> = {
  AccountDisabled: "This account is disabled. Ask an administrator.",
  OAuthSignin: "Single sign-on could not start. Try again or use your password.",
  OAuthCallback: "Single sign-on did not complete. Try again.",
  AccessDenied: "Access was denied.",
  SessionRequired: "Please sign in to continue.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl);
  if (await currentPrincipal()) redirect(returnTo);
  const oidc = readOidcSettings();
  const initialError = params.error ? (ERRORS[params.error] ?? "Sign-in failed. Try again.") : undefined;
  return (
    <div className="signin-wrap">
      <SignInForm returnTo={returnTo} oidcName={oidc?.name} initialError={initialError} />
    </div>
  );
}
