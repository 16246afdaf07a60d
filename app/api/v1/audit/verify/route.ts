import { verifyAuditChainOperation } from "@/lib/contracts/api-catalog/admin-operations";
import type { TAuditChainVerdict } from "@/lib/contracts/audit";
import { verifyAndRecordAuditChain } from "@/lib/server/audit/verify-and-record-audit-chain";
import { defineRoute } from "@/lib/server/http/define-route";
import { routes } from "@/lib/server/http/method-table";

// POST because a verification walks the whole log and records its verdict: an action, not a cacheable read.
export const { GET, POST, PUT, PATCH, DELETE } = routes(
  defineRoute(verifyAuditChainOperation, {
    handler: ({ tx, actor }): Promise<TAuditChainVerdict> => verifyAndRecordAuditChain({ tx, actor }),
    // The walk reads the whole log inside the transaction that records its verdict; the chain's lock is taken only at commit.
    transactionTimeoutMs: 300_000,
  }),
);
