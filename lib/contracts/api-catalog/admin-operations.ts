import { z } from "zod";
import { ZAuditChainVerdict, ZAuditEventPage, ZAuditEventsQuery } from "../audit";
import { ZCreateUser, ZListUsersQuery, ZSessionsEnded, ZUpdateUser, ZUserIdParams, ZUserList, ZUserView } from "../users";
import { defineOperation, type TApiOperation } from "./operation";

/** The outline of what `GET /api/v1/openapi.json` answers; the OpenAPI 3.1 schema itself is the full contract. */
export const ZOpenApiDocument = z.looseObject({
  openapi: z.literal("3.1.0"),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});
export type TOpenApiDocument = z.infer<typeof ZOpenApiDocument>;

const manageUsers = { auth: "session", permission: "users:manage" } as const;
const readAudit = { auth: "session", permission: "audit:read" } as const;

export const listUsersOperation = defineOperation({
  auth: "session",
  permission: "users:read",
  id: "listUsers",
  method: "GET",
  path: "/api/v1/users",
  tag: "users",
  summary: "Every user, optionally filtered by name or email",
  query: ZListUsersQuery,
  status: 200,
  response: ZUserList,
  errors: [],
});

export const createUserOperation = defineOperation({
  ...manageUsers,
  id: "createUser",
  method: "POST",
  path: "/api/v1/users",
  tag: "users",
  summary: "Create a user with a password and roles",
  body: ZCreateUser,
  status: 201,
  response: ZUserView,
  errors: [409],
  audit: "user.created",
});

export const updateUserOperation = defineOperation({
  ...manageUsers,
  id: "updateUser",
  method: "PATCH",
  path: "/api/v1/users/{id}",
  tag: "users",
  summary: "Change a user's name, roles or disabled flag (the last active administrator stays)",
  params: ZUserIdParams,
  body: ZUpdateUser,
  status: 200,
  response: ZUserView,
  errors: [404, 409],
  audit: "user.updated",
});

export const unlockUserOperation = defineOperation({
  ...manageUsers,
  id: "unlockUser",
  method: "POST",
  path: "/api/v1/users/{id}/unlock",
  tag: "users",
  summary: "Clear the account's failed sign-in counters (from every address, and account-wide)",
  params: ZUserIdParams,
  status: 200,
  response: ZUserView,
  errors: [404],
  audit: "user.unlocked",
});

export const endUserSessionsOperation = defineOperation({
  ...manageUsers,
  id: "endUserSessions",
  method: "POST",
  path: "/api/v1/users/{id}/sessions/revoke",
  tag: "users",
  summary: "Sign a user out everywhere: every open session ends at once",
  params: ZUserIdParams,
  status: 200,
  response: ZSessionsEnded,
  errors: [404],
  audit: "auth.sessions.ended",
});

export const endMySessionsOperation = defineOperation({
  auth: "session",
  permission: "account:sessions",
  id: "endMySessions",
  method: "POST",
  path: "/api/v1/me/sessions/revoke",
  tag: "users",
  summary: "Sign yourself out everywhere: every open session of yours ends at once, this one included",
  status: 200,
  response: ZSessionsEnded,
  errors: [],
  audit: "auth.sessions.ended",
});

export const listAuditEventsOperation = defineOperation({
  ...readAudit,
  id: "listAuditEvents",
  method: "GET",
  path: "/api/v1/audit/events",
  tag: "audit",
  summary: "Audit events, newest first, a page at a time",
  query: ZAuditEventsQuery,
  status: 200,
  response: ZAuditEventPage,
  errors: [],
});

export const verifyAuditChainOperation = defineOperation({
  ...readAudit,
  id: "verifyAuditChain",
  method: "POST",
  path: "/api/v1/audit/verify",
  tag: "audit",
  summary: "Walk the whole hash chain and name the first link that does not hold; the verdict is itself recorded in the chain",
  status: 200,
  response: ZAuditChainVerdict,
  errors: [],
  audit: "audit.chain_verified",
});

export const getOpenApiDocumentOperation = defineOperation({
  auth: "public",
  id: "getOpenApiDocument",
  method: "GET",
  path: "/api/v1/openapi.json",
  tag: "meta",
  summary: "This OpenAPI 3.1 document, generated from the same zod contracts the routes validate with",
  status: 200,
  response: ZOpenApiDocument,
  errors: [],
});

export const ADMIN_OPERATIONS: readonly TApiOperation[] = [
  listUsersOperation,
  createUserOperation,
  updateUserOperation,
  unlockUserOperation,
  endUserSessionsOperation,
  endMySessionsOperation,
  listAuditEventsOperation,
  verifyAuditChainOperation,
  getOpenApiDocumentOperation,
];
