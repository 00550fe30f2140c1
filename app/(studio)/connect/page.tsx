import { headers } from "next/headers";
import { catalogContext } from "@/app/_server/catalog-context";
import { requirePage } from "@/app/_server/page-guard";
import { ConnectPanel } from "@/components/connect/connect-panel";
import { PageHeader } from "@/components/shell/page-header";
import { authorize } from "@/lib/access";
import { listChildren } from "../catalog/_server/browse";
import "@/components/ui/studio-extras.css";

export const metadata = { title: "Connect an engine" };

/** Ready-to-paste settings for Spark, Trino, PyIceberg and DuckDB, and a self-test of the REST handshake. */
export default async function ConnectPage() {
  const principal = await requirePage("studio.use", "/connect");
  const catalogs = await listChildren(catalogContext(principal), { kind: "root" }, undefined, 500);
  return (
    <>
      <PageHeader title="Connect an engine" summary="Spark, Trino, PyIceberg and DuckDB use Tarn's catalog through the Iceberg REST protocol, with the same grants as the studio." />
      <ConnectPanel
        restUri={`${await publicOrigin()}/iceberg`}
        catalogs={catalogs.nodes.filter((n) => n.badge !== "federated").map((n) => n.name)}
        canManageClients={authorize(principal, "admin.apiClients.manage").allowed}
      />
    </>
  );
}

/** The address people reached this page by (as the browser sent it), for the snippets only. */
async function publicOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  const proto = h.get("x-forwarded-proto") ?? "http";
  if (host && /^[\w.-]+(:\d+)?$/.test(host)) return `${proto === "https" ? "https" : "http"}://${host}`;
  return (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}
