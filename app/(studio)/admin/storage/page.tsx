import { requirePage } from "@/app/_server/page-guard";
import { StoragePanel } from "@/components/admin/storage-panel";
import { listStorageLocations } from "@/lib/catalog";
import { getDb } from "@/lib/db";

export const metadata = { title: "Storage locations" };

export default async function StoragePage() {
  const principal = await requirePage("catalog.manage", "/admin/storage");
  return <StoragePanel initialLocations={await listStorageLocations(getDb(), principal)} />;
}
