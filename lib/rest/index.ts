/**
 * The Iceberg REST catalog (spec: ../shared/iceberg/rest-catalog-open-api.yaml), framework
 * free: a web `Request` in, a `Response` out. Spark, Trino, Flink, PyIceberg and DuckDB
 * use the same catalog, with the same grants, as the studio.
 *
 *   const { response, operation, user, error } = await handleRestRequest(request, { db, io });
 *   // mounted at /iceberg: GET /iceberg/v1/config?warehouse=demo, …/v1/{prefix}/namespaces, …
 *
 * - Authentication: `Authorization: Bearer <token>` — a token from `POST /v1/oauth/tokens`
 *   (client credentials of an API client) or a person's access token. Every handler calls
 *   lib/catalog, which asks lib/access; nothing here decides access.
 * - Errors: always `{ "error": { "message", "type", "code" } }`, types named as Java names
 *   them (errors.ts); a malformed body is a 400, never a 500.
 * - Ids stay exact: bodies are parsed and written with the spec module's JSON (bigint ids).
 * - `Idempotency-Key` on mutations (idempotency.ts); loadTable answers `If-None-Match`
 *   with 304 and serialises each metadata file once (codecs/load-table.ts).
 * - The endpoints served are the route table in routes.ts, which `/v1/config` advertises.
 */
export { type ErrorBody, RestError } from "./errors";
export { handleRestRequest, type RestDeps, type RestOutcome } from "./handler";
export { KEY_LIFETIME } from "./idempotency";
export { ENDPOINTS } from "./routes";
