import { requirePage } from "@/app/_server/page-guard";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { PageHeader } from "@/components/shell/page-header";

export const metadata = { title: "Account" };

export default async function AccountPage() {
  const principal = await requirePage("studio.use", "/account");
  return (
    <>
      <PageHeader title="Your account" summary={`Signed in as ${principal.username} (${principal.role}).`} />
      <ChangePasswordForm />
    </>
  );
}
