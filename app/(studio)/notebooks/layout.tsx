import type { ReactNode } from "react";
import { requirePage } from "@/app/_server/page-guard";
import "@/components/ui/studio-extras.css";
import "@/components/notebooks/notebooks.css";

export default async function NotebooksLayout({ children }: { children: ReactNode }) {
  await requirePage("notebooks.use", "/notebooks");
  return children;
}
