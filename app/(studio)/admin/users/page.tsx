import { requirePage } from "@/app/_server/page-guard";
import { UsersPanel } from "@/components/admin/users-panel";
import { listUsers } from "@/lib/auth";
import { getDb } from "@/lib/db";

export const metadata = { title: "Users" };

export default async function UsersPage() {
  const principal = await requirePage("admin.users.read", "/admin/users");
  const users = await listUsers(getDb(), principal);
  return <UsersPanel initialUsers={users} currentUserId={principal.userId} />;
}
