import { requirePage } from "@/app/_server/page-guard";
import { AccessTokensPanel } from "@/components/account/access-tokens-panel";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { PageHeader } from "@/components/shell/page-header";
import { listPersonalTokens } from "@/lib/auth";
import { getDb } from "@/lib/db";

export const metadata = { title: "Account" };

export default async function AccountPage() {
  const principal = await requirePage("studio.use", "/account");
  const tokens = principal.kind === "user" ? await listPersonalTokens(getDb(), principal) : [];
  return (
    <>
      <PageHeader title="Your account" summary={`Signed in as ${principal.username} (${principal.role}).`} />
      <div className="stack" style={{ gap: 24 }}>
        <ChangePasswordForm />
        <AccessTokensPanel initialTokens={tokens} />
      </div>
    </>
  );
}
