/**
 * Identity: who people are and how they prove it.
 *
 *   await authenticate(db, { login, password, address })  // throttled, audited
 *   await principalForSession(db, claims)                  // session → principal, or null
 *   buildAuthOptions(getDb)                                // next-auth configuration
 *   await createUser(db, actor, input) / listUsers / setUserDisabled / resetUserPassword …
 *
 * Decisions about what a principal may do belong to lib/access; this folder only asks it.
 */
export {
  type ApiClientSummary,
  CLIENT_TOKEN_TTL_S,
  createApiClient,
  createApiClientInput,
  deleteApiClient,
  INVALID_CLIENT,
  issueClientToken,
  listApiClients,
  refreshClientToken,
  setApiClientDisabled,
} from "./api-clients";
export { forgetBearerTokens, principalForBearer } from "./bearer";
export { BOOTSTRAP_ADMIN, ensureAdmin } from "./bootstrap";
export { authenticate, type SignedInUser, WRONG_CREDENTIALS } from "./credentials";
export { addGroupMember, createGroup, deleteGroup, type GroupSummary, listGroups, removeGroupMember } from "./groups";
export { buildAuthOptions, claimsFromToken, SESSION_MAX_AGE_S } from "./nextauth";
export { type OidcSettings, readOidcSettings, upsertOidcUser } from "./oidc";
export { generatePassword, hashPassword, verifyPassword } from "./passwords";
export * from "./schemas";
export { principalForSession, type SessionClaims } from "./session-principal";
export { DEFAULT_THROTTLE, type ThrottlePolicy } from "./throttle";
export { createUser, listUsers, resetUserPassword, setUserDisabled, setUserRole, type UserSummary } from "./users";
export { changeOwnPassword } from "./own-password";
export { createPersonalToken, createPersonalTokenInput, listPersonalTokens, type PersonalTokenSummary, revokePersonalToken } from "./personal-tokens";
