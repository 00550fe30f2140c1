/**
 * Errors that know their audience, and input parsing that produces them.
 *
 *   const input = parseInput(schema, raw);          // AppError("bad_request") with field messages
 *   throw new AppError("not_found", "That table no longer exists.");
 */
export * from "./app-error";
export { parseInput } from "./parse-input";
