import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePage } from "@/app/_server/page-guard";
import { NotebookWorkspace } from "@/components/notebooks/notebook-workspace";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { loadNotebook } from "@/lib/notebooks";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Notebook" };

/** One notebook. Missing and not shared read the same: a 404. */
export default async function NotebookPage({ params }: Props) {
  const { id } = await params;
  const principal = await requirePage("notebooks.use", `/notebooks/${encodeURIComponent(id)}`);
  try {
    const notebook = await loadNotebook(getDb(), principal, id);
    return <NotebookWorkspace initial={notebook} />;
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}
