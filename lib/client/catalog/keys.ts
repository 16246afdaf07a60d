/** React Query keys for the catalogs and policies; a prefix invalidates everything under it. */
export const catalogKeys = {
  all: () => ["catalog"] as const,
  dataClasses: () => ["catalog", "data-classes"] as const,
  models: () => ["catalog", "models"] as const,
  model: (id: string) => ["catalog", "models", id] as const,
  tools: () => ["catalog", "tools"] as const,
  policies: () => ["catalog", "policies"] as const,
  policy: (id: string) => ["catalog", "policies", id] as const,
};
