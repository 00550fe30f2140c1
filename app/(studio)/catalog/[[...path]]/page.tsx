import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { catalogContext } from "@/app/_server/catalog-context";
import { requirePage } from "@/app/_server/page-guard";
import { resolveSegments } from "../_server/resolve";
import { CatalogObjectView } from "../_views/catalog-view";
import { NamespaceView } from "../_views/namespace-view";
import { RootView } from "../_views/root-view";
import { TableView } from "../_views/table-view";

type Props = { params: Promise<{ path?: string[] }>; searchParams: Promise<{ kind?: string; view?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { path = [] } = await params;
  return { title: path.length ? path.map(decodeSegment).join(".") : "Catalog" };
}

/** Every catalog URL: /catalog, /catalog/<catalog>, /catalog/<catalog>/<namespace…>, …/<table>. */
export default async function CatalogObjectPage({ params, searchParams }: Props) {
  const { path = [] } = await params;
  const { kind, view } = await searchParams;
  const segments = path.map(decodeSegment);
  const principal = await requirePage("catalog.browse", `/catalog/${path.join("/")}`);
  const ref = await resolveSegments(catalogContext(principal), segments, kind === "namespace" ? "namespace" : undefined);
  if (!ref) notFound();
  switch (ref.kind) {
    case "root":
      return <RootView principal={principal} view={view} />;
    case "catalog":
      return <CatalogObjectView principal={principal} target={ref} />;
    case "namespace":
      return <NamespaceView principal={principal} target={ref} />;
    case "table":
      return <TableView principal={principal} target={ref} />;
  }
}

/** Route params may arrive encoded or not; a lone "%" is kept as it is. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
