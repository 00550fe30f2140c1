import { requirePage } from "@/app/_server/page-guard";
import { NotebookList } from "@/components/notebooks/notebook-list";
import { getDb } from "@/lib/db";
import { listNotebooks } from "@/lib/notebooks";

export const metadata = { title: "Notebooks" };

export default async function NotebooksPage() {
  const principal = await requirePage("notebooks.use", "/notebooks");
  const notebooks = await listNotebooks(getDb(), principal);
  return <NotebookList initial={notebooks} />;
}
