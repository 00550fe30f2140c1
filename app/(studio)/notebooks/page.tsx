import { requirePage } from "@/app/_server/page-guard";
import { NotBuilt } from "@/components/shell/not-built";

export const metadata = { title: "Notebooks" };

export default async function NotebooksPage() {
  await requirePage("notebooks.use", "/notebooks");
  return (
    <NotBuilt
      title="Notebooks"
      summary="Write SQL against the catalog and explore the results."
      coming={[
        "SQL and Markdown cells with catalog-aware autocomplete",
        "Results you can page through, sort, filter, chart and export in full",
        "Time travel to any snapshot, query history, parameters and sharing",
      ]}
    />
  );
}
