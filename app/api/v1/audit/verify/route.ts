import type { TAuditChainVerdict } from "@/lib/contracts/audit";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { db } from "@/lib/server/db/client";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";

// POST because a verification walks the whole log: it is an action, not a cacheable read.
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: defineRoute({
    auth: "session",
    permission: "audit:read",
    handler: (): Promise<TAuditChainVerdict> => verifyAuditChain({ db }),
  }),
});
