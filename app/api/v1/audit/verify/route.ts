import { verifyAuditChainOperation } from "@/lib/contracts/api-catalog/admin-operations";
import type { TAuditChainVerdict } from "@/lib/contracts/audit";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";

// POST because a verification walks the whole log: it is an action, not a cacheable read.
export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(verifyAuditChainOperation, { handler: ({ tx }): Promise<TAuditChainVerdict> => verifyAuditChain({ db: tx }) }),
);
