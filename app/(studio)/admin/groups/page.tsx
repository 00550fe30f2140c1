import { requirePage } from "@/app/_server/page-guard";
import { GroupsPanel } from "@/components/admin/groups-panel";
import { listGroups } from "@/lib/auth";
import { getDb } from "@/lib/db";

export const metadata = { title: "Groups" };

export default async function GroupsPage() {
  const principal = await requirePage("admin.users.read", "/admin/groups");
  return <GroupsPanel initialGroups={await listGroups(getDb(), principal)} />;
}
