import { ZCreateWorkflow, ZWorkflowListQuery } from "@/lib/contracts/workflows";
import { defineRoute } from "@/lib/server/http/define-route";
import { methods } from "@/lib/server/http/method-table";
import { createWorkflow } from "@/lib/server/registry/workflows/create-workflow";
import { listWorkflows } from "@/lib/server/registry/workflows/list-workflows";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: defineRoute({
    auth: "session",
    permission: "workflows:read",
    query: ZWorkflowListQuery,
    handler: ({ who, query }) => listWorkflows({ user: who, query }),
  }),
  POST: defineRoute({
    auth: "session",
    permission: "workflows:create",
    body: ZCreateWorkflow,
    audit: "workflow.created",
    status: 201,
    handler: ({ tx, actor, who, body }) => createWorkflow({ tx, actor, user: who, input: body }),
  }),
});
