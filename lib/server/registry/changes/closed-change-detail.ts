import "server-only";

/** Why a change request can no longer be decided or withdrawn: who closed it, and when. */
export function closedChangeDetail(request: { status: string; reviewedAt: Date | null; reviewedBy: { email: string } | null }): string {
  if (request.status === "WITHDRAWN") return "This change request was withdrawn by its requester";
  const by = request.reviewedBy ? ` by ${request.reviewedBy.email}` : "";
  const at = request.reviewedAt ? ` at ${request.reviewedAt.toISOString()}` : "";
  return `This change request was already ${request.status.toLowerCase()}${by}${at}`;
}
