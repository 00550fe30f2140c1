import type { ReactNode } from "react";
import { requirePage } from "@/app/_server/page-guard";
import { AdminNav } from "@/components/admin/admin-nav";
import { PageHeader } from "@/components/shell/page-header";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requirePage("admin.open", "/admin");
  return (
    <>
      <PageHeader title="Admin" summary="People, groups and what happened." />
      <AdminNav />
      {children}
    </>
  );
}
