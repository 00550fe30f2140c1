import { requirePage } from "@/app/_server/page-guard";
import { AuditTable } from "@/components/admin/audit-table";
import { listAuditEvents } from "@/lib/access";
import { getDb } from "@/lib/db";

export const metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ action?: string; actor?: string }> }) {
  await requirePage("audit.read", "/admin/audit");
  const { action, actor } = await searchParams;
  const events = await listAuditEvents(getDb(), { action: action?.slice(0, 100) || undefined, actorName: actor?.slice(0, 100) || undefined, limit: 200 });
  return <AuditTable events={events} filter={{ action: action ?? "", actor: actor ?? "" }} />;
}
