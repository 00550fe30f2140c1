import type { ReactNode } from "react";
import { requirePage } from "@/app/_server/page-guard";
import { CatalogWorkspace } from "@/components/catalog/catalog-workspace";
import "@/components/ui/studio-extras.css";

export default async function CatalogLayout({ children }: { children: ReactNode }) {
  await requirePage("catalog.browse", "/catalog");
  return <CatalogWorkspace>{children}</CatalogWorkspace>;
}
