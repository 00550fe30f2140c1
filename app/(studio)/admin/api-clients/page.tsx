import { requirePage } from "@/app/_server/page-guard";
import { ApiClientsPanel } from "@/components/admin/api-clients-panel";
import { listApiClients, listUsers } from "@/lib/auth";
import { getDb } from "@/lib/db";

export const metadata = { title: "API clients" };

export default async function ApiClientsPage() {
  const principal = await requirePage("admin.apiClients.manage", "/admin/api-clients");
  const [clients, users] = await Promise.all([listApiClients(getDb(), principal), listUsers(getDb(), principal)]);
  const owners = users.filter((u) => !u.disabled).map((u) => ({ id: u.id, username: u.username }));
  return <ApiClientsPanel initialClients={clients} owners={owners} currentUserId={principal.userId} />;
}
