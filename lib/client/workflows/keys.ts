/** React Query keys for workflows; a mutation invalidates exactly the workflow it changed. */
export const workflowKeys = {
  all: () => ["workflows"] as const,
  detail: (id: string) => ["workflows", "detail", id] as const,
  readiness: (id: string) => ["workflows", "readiness", id] as const,
};
