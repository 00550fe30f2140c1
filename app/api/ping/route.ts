export const dynamic = "force-dynamic";

// Public on purpose: a liveness probe that touches nothing, and the benchmarks' baseline
// for "an empty route handler of this server" (bench/rest-load-table.bench.ts).
export function GET(): Response {
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
}
