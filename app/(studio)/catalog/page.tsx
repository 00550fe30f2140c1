import { requirePage } from "@/app/_server/page-guard";
import { NotBuilt } from "@/components/shell/not-built";

export const metadata = { title: "Catalog" };

export default async function CatalogPage() {
  await requirePage("catalog.browse", "/catalog");
  return (
    <NotBuilt
      title="Catalog"
      summary="Browse catalogs, namespaces, tables and views."
      coming={[
        "A tree of catalogs, namespaces, tables and views, with search across names, comments, columns and tags",
        "Table pages: overview, schema and its history, sample rows, snapshots, partitions and files, DDL",
        "Create namespaces and tables; register existing Iceberg tables and folders of Parquet, CSV or JSON",
      ]}
    />
  );
}
