import { redirect } from "next/navigation";
import { requirePage } from "@/app/_server/page-guard";

export default async function AdminIndex() {
  await requirePage("admin.open", "/admin");
  redirect("/admin/users");
}
