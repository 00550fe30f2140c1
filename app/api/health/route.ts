import { publicRoute } from "@/app/_server/route-handler";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

// Public on purpose: load balancers and `npm start` probe it without a session.
export const GET = publicRoute("health", async () => {
  const report = await checkHealth(getDb(), getConfig());
  return Response.json(report, { status: report.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
});
