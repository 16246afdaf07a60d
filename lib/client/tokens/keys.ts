/** React Query keys for service tokens; mutations invalidate exactly these. */
export const tokenKeys = {
  all: () => ["tokens"] as const,
  workflow: (workflowId: string) => ["tokens", workflowId] as const,
};
