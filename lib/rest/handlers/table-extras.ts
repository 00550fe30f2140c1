/**
 * The small table endpoints: metrics reports (accepted and logged at debug level — Tarn
 * keeps no engine metrics yet) and vended credentials (none: tables are local files the
 * engine reads directly, so the list is empty).
 */
import { AppError } from "@/lib/errors";
import { loadTable, tableExists } from "@/lib/catalog";
import { log } from "@/lib/log";
import { parseRequest, reportMetricsRequest } from "../codecs/requests";
import { jsonResponse, noContent } from "../http";
import type { RouteContext } from "../router";
import { tableIdent } from "./tables";

export async function reportMetricsHandler(route: RouteContext): Promise<Response> {
  const report = parseRequest(reportMetricsRequest, route.body());
  const ident = tableIdent(route);
  if (!(await tableExists(route.ctx, ident))) throw new AppError("not_found", `Table ${ident.name} does not exist.`);
  log.debug("iceberg.metrics", { table: [...ident.namespace, ident.name].join("."), type: report["report-type"], user: route.ctx.actor.username });
  return noContent();
}

export async function loadCredentialsHandler(route: RouteContext): Promise<Response> {
  await loadTable(route.ctx, tableIdent(route));
  return jsonResponse({ "storage-credentials": [] });
}
