import { catalogContext } from "@/app/_server/catalog-context";
import { requirePage } from "@/app/_server/page-guard";
import { TagsPanel } from "@/components/admin/tags-panel";
import { listTagKeys } from "@/lib/catalog";

export const metadata = { title: "Tags" };

export default async function TagsPage() {
  const principal = await requirePage("tag.define", "/admin/tags");
  return <TagsPanel initialKeys={await listTagKeys(catalogContext(principal))} />;
}
