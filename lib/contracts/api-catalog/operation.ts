import type { z } from "zod";
import type { TAuditAction } from "../audit";
import type { TPermission } from "../permissions";
import type { TTokenScope } from "../tokens";

export type TApiMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export const API_TAGS = {
  runtime: "What automations call around every tool call: decisions, run events, approval waits and the kill-switch stream",
  workflows: "The registry of automations: details, RACI, permissions, readiness, status",
  changes: "Change requests: permission and policy changes that wait for a second person's review",
  tokens: "A workflow's service tokens: created, rotated with overlap, revoked",
  catalog: "Data classes, approved models and the tool catalog that workflows draw from",
  policies: "Custom Cedar policies, versioned; every change goes through review",
  registry: "The whole registry as one document: export and all-or-nothing import",
  users: "People, their roles and sign-in lockouts",
  audit: "The hash-chained audit log",
  approvals: "The approval queue people work: pending requests, votes with reasons, break-glass, the decided history",
  killswitch: "Kill switches: engaged by one person with a reason, released by two people from Security",
  webhooks: "Signed webhooks that announce approval events: endpoints, secrets and the delivery log",
  runs: "What automations did, read in the console: a workflow's decisions and runs, and one run's timeline",
  scorecard: "Reliability scorecards, SLOs and the risk dashboard, read from time-bucketed roll-ups",
  meta: "This description of the API",
} as const;
export type TApiTag = keyof typeof API_TAGS;

/** Who may call: a signed-in person with a permission, an automation's token with a scope, or anyone. */
export type TApiAuth = { auth: "session"; permission: TPermission } | { auth: "token"; scope: TTokenScope } | { auth: "public" };

/** Statuses a domain function can answer beyond what the route's shape already implies. */
export type TDomainErrorStatus = 400 | 403 | 404 | 409 | 429 | 503;

/**
 * One `/api/v1` operation: the one declaration its route (`defineRoute` for the console, the front
 * door's runtime routes), the OpenAPI document and the client hooks' paths are all built from.
 */
export type TApiOperation = TApiAuth & {
  /** The operationId; by convention the domain function's name. */
  id: string;
  method: TApiMethod;
  /** `/api/v1/workflows/{id}`: the route folder, with `[id]` written `{id}`. */
  path: `/api/v1/${string}`;
  summary: string;
  tag: TApiTag;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  status: 200 | 201 | 202 | 204;
  /** The success body: one JSON schema, or one per media type for a download. Absent for 204. */
  response?: z.ZodType | Record<string, z.ZodType>;
  errors: readonly TDomainErrorStatus[];
  /**
   * A change names the audit event it records; defineRoute refuses to commit without it. A change
   * that either applies or goes to review names both, and must record at least one.
   */
  audit?: TAuditAction | readonly [TAuditAction, ...TAuditAction[]];
};

/** Checks an entry against TApiOperation while keeping its exact schemas and path for inference. */
export const defineOperation = <const O extends TApiOperation>(operation: O): O => operation;

/**
 * Every status the operation can answer with a problem: what defineRoute itself refuses (sign-in,
 * permission or scope, invalid input, an unreadable or oversized body, an unexpected failure) and
 * what the domain function refuses.
 */
export function errorStatusesOf(op: TApiOperation): number[] {
  const implied = [
    ...(op.auth === "public" ? [] : [401, 403]),
    ...(op.params || op.query || op.body ? [400] : []),
    ...(op.body ? [413, 415] : []),
    500,
  ];
  return [...new Set([...implied, ...op.errors])].sort((a, b) => a - b);
}
