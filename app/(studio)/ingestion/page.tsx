import { requirePage } from "@/app/_server/page-guard";
import { NotBuilt } from "@/components/shell/not-built";

export const metadata = { title: "Ingestion" };

export default async function IngestionPage() {
  await requirePage("ingestion.open", "/ingestion");
  return (
    <NotBuilt
      title="Ingestion"
      summary="Replicate live databases, file drops and HTTP pushes into Iceberg tables."
      coming={[
        "PostgreSQL and MySQL/MariaDB change streams, continuously replicated",
        "File drops and HTTP pushes",
        "Lag, pause, resume and resync for every pipeline",
      ]}
    />
  );
}
