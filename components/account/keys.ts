/** React Query keys for the signed-in person's own data. */
export const accountKeys = {
  all: ["account"] as const,
  tokens: () => [...accountKeys.all, "tokens"] as const,
};
