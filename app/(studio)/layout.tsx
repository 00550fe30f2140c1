import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { currentPrincipal } from "@/app/_server/auth";
import { StudioShell } from "@/components/shell/studio-shell";
import { authorize, type Operation } from "@/lib/access";

const AREAS: { href: string; label: string; icon: string; operation: Operation }[] = [
  { href: "/catalog", label: "Catalog", icon: "▦", operation: "catalog.browse" },
  { href: "/notebooks", label: "Notebooks", icon: "✎", operation: "notebooks.use" },
  { href: "/permissions", label: "Permissions", icon: "⚿", operation: "permissions.open" },
  { href: "/ingestion", label: "Ingestion", icon: "⇄", operation: "ingestion.open" },
  { href: "/connect", label: "Connect", icon: "⤳", operation: "studio.use" },
  { href: "/admin", label: "Admin", icon: "⚙", operation: "admin.open" },
];

/** The studio frame. Each page still guards itself with requirePage(); hiding a link is not enforcement. */
export default async function StudioLayout({ children }: { children: ReactNode }) {
  const principal = await currentPrincipal();
  if (!principal) redirect("/signin");
  const nav = AREAS.filter((area) => authorize(principal, area.operation).allowed).map(({ operation: _, ...area }) => area);
  return (
    <StudioShell nav={nav} user={{ username: principal.username, displayName: principal.displayName, role: principal.role }}>
      {children}
    </StudioShell>
  );
}
