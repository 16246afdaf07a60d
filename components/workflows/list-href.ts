import type { TWorkflowListQuery } from "@/lib/contracts/workflows";

/** The list's URL for `query` with `changes` applied; blank values drop out of the address. */
export function listHref(
  query: TWorkflowListQuery,
  changes: Partial<Record<keyof TWorkflowListQuery, string | number | undefined>> = {},
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...changes })) {
    if (value !== undefined && value !== "" && !(key === "page" && Number(value) === 1)) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `/workflows?${search}` : "/workflows";
}
