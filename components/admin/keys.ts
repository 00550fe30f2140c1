/** React Query keys for Admin data; a mutation invalidates exactly what it changed. */
export const adminKeys = {
  all: ["admin"] as const,
  users: () => [...adminKeys.all, "users"] as const,
  groups: () => [...adminKeys.all, "groups"] as const,
  apiClients: () => [...adminKeys.all, "api-clients"] as const,
  storage: () => [...adminKeys.all, "storage"] as const,
  tags: () => [...adminKeys.all, "tags"] as const,
  tagUsage: (key: string) => [...adminKeys.tags(), "usage", key] as const,
};
