/** React Query keys for workflow permissions; mutations invalidate exactly these. */
export const permissionKeys = {
  all: () => ["permissions"] as const,
  workflow: (workflowId: string) => ["permissions", workflowId] as const,
};
