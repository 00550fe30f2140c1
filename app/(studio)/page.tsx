import Link from "next/link";
import { requirePage } from "@/app/_server/page-guard";
import { PageHeader } from "@/components/shell/page-header";
import { authorize, type Operation } from "@/lib/access";

const CARDS: { href: string; title: string; text: string; operation: Operation }[] = [
  { href: "/catalog", title: "Catalog", text: "Find tables, read schemas, samples and history.", operation: "catalog.browse" },
  { href: "/notebooks", title: "Notebooks", text: "Write SQL, chart and export results.", operation: "notebooks.use" },
  { href: "/permissions", title: "Permissions", text: "Grant access down to rows and columns.", operation: "permissions.open" },
  { href: "/ingestion", title: "Ingestion", text: "Replicate databases and files into Iceberg.", operation: "ingestion.open" },
  { href: "/admin", title: "Admin", text: "Users, groups and the audit log.", operation: "admin.open" },
];

export default async function HomePage() {
  const principal = await requirePage("studio.use", "/");
  const cards = CARDS.filter((card) => authorize(principal, card.operation).allowed);
  return (
    <>
      <PageHeader title={`Welcome, ${principal.displayName || principal.username}`} summary="Tarn is a lakehouse studio over open Apache Iceberg tables." />
      <div className="grid-cards">
        {cards.map((card) => (
          <div key={card.href} className="panel card">
            <h2>
              <Link href={card.href}>{card.title}</Link>
            </h2>
            <p className="muted" style={{ margin: 0 }}>
              {card.text}
            </p>
          </div>
        ))}
      </div>
    </>
  );
}
