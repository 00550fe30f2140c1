import { requirePage } from "@/app/_server/page-guard";
import { NotBuilt } from "@/components/shell/not-built";

export const metadata = { title: "Permissions" };

export default async function PermissionsPage() {
  await requirePage("permissions.open", "/permissions");
  return (
    <NotBuilt
      title="Permissions"
      summary="Decide who may see which catalogs, tables, columns and rows."
      coming={[
        "Grants on catalogs, namespaces, tables and columns, to users and groups",
        "Row filters and column masks per principal; grants by tag",
        "“Why can this person see this?” explanations",
      ]}
    />
  );
}
