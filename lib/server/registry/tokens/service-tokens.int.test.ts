import { describe, expect, it } from "vitest";
import { ZCreateToken, type TCreateToken } from "@/lib/contracts/tokens-admin";
import type { TSessionUser } from "../../authz/principal";
import { checkServiceToken, findServiceToken, tokenHashOf } from "../../auth/authenticate-service-token";
import { hashServiceToken } from "../../auth/service-token-secret";
import { db } from "../../db/client";
import { actorFor, auditOf, givenUser, givenWorkflow } from "@/test/fixtures/registry-changes";
import { createServiceToken } from "./create-service-token";
import { listServiceTokens } from "./list-service-tokens";
import { revokeServiceToken } from "./revoke-service-token";
import { rotateServiceToken } from "./rotate-service-token";
import { runAudited } from "../../audit/run-audited";

const MINUTE = 60_000;
const create = (user: TSessionUser, workflowId: string, input: TCreateToken = { name: "runner", scopes: ["DECIDE", "INGEST"] }) =>
  runAudited(db, (tx) => createServiceToken({ tx, actor: actorFor(user), user, workflowId, input: ZCreateToken.parse(input) }));
const rotate = (user: TSessionUser, workflowId: string, tokenId: string, overlapMinutes: number) =>
  runAudited(db, (tx) => rotateServiceToken({ tx, actor: actorFor(user), user, workflowId, tokenId, overlapMinutes }));
const revoke = (user: TSessionUser, workflowId: string, tokenId: string) =>
  runAudited(db, (tx) => revokeServiceToken({ tx, actor: actorFor(user), user, workflowId, tokenId }));
// What the runtime gate checks for each call, read from the database rather than its cache.
const authenticate = async (token: string, now = new Date()) =>
  checkServiceToken(await findServiceToken(tokenHashOf(`Bearer ${token}`)), "DECIDE", now);

async function givenOwnedWorkflow() {
  const owner = await givenUser(["OWNER"]);
  return { owner, workflow: await givenWorkflow({ owner, status: "ACTIVE" }) };
}

describe("service tokens", () => {
  it("returns the plaintext once, stores only its hash, and defaults to the workflow's environment", async () => {
    const { owner, workflow } = await givenOwnedWorkflow();
    const issued = await create(owner, workflow.id, { name: "runner", scopes: ["INGEST", "DECIDE"], expiresInDays: 30 });

    expect(issued.secret).toMatch(new RegExp(`^tg_${issued.token.prefix}_`));
    expect(issued.token).toMatchObject({
      status: "active",
      scopes: ["DECIDE", "INGEST"],
      environment: workflow.environment,
      createdBy: { id: owner.id },
    });
    const stored = await db.serviceToken.findUniqueOrThrow({ where: { id: issued.token.id }, select: { tokenHash: true } });
    expect(stored.tokenHash).toBe(hashServiceToken(issued.secret));
    const rows = await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM service_tokens WHERE id = ${issued.token.id}::uuid`;
    expect(JSON.stringify(rows, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain(
      issued.secret.slice(`tg_${issued.token.prefix}_`.length),
    );

    const listed = await listServiceTokens({ user: owner, workflowId: workflow.id });
    expect(JSON.stringify(listed)).not.toContain(issued.secret);
    expect(listed.tokens.map((t) => t.prefix)).toEqual([issued.token.prefix]);
    await expect(authenticate(issued.secret)).resolves.toMatchObject({ workflowId: workflow.id, environment: workflow.environment });
    const [event] = await auditOf({ type: "workflow", id: workflow.id });
    expect(event).toMatchObject({ action: "token.created", data: { prefix: issued.token.prefix, scopes: ["DECIDE", "INGEST"] } });
    expect(JSON.stringify(event?.data)).not.toContain(issued.secret);
  });

  it("keeps the old token valid through a rotation's overlap, and no longer", async () => {
    const { owner, workflow } = await givenOwnedWorkflow();
    const first = await create(owner, workflow.id);
    const rotated = await rotate(owner, workflow.id, first.token.id, 30);

    expect(rotated.token).toMatchObject({ status: "active", scopes: first.token.scopes, name: first.token.name });
    expect(rotated.previous).toMatchObject({ id: first.token.id, status: "expiring" });
    const validUntil = new Date(rotated.previous?.validUntil ?? 0);
    expect(validUntil.getTime() - Date.now()).toBeGreaterThan(29 * MINUTE);

    await expect(authenticate(first.secret)).resolves.toMatchObject({ tokenId: first.token.id });
    await expect(authenticate(first.secret, new Date(validUntil.getTime() - 1))).resolves.toMatchObject({ tokenId: first.token.id });
    await expect(authenticate(first.secret, validUntil)).rejects.toMatchObject({
      code: "unauthenticated",
      detail: expect.stringContaining("revoked"),
    });
    await expect(authenticate(rotated.secret, validUntil)).resolves.toMatchObject({ tokenId: rotated.token.id });
    await expect(rotate(owner, workflow.id, first.token.id, 30)).rejects.toMatchObject({
      code: "conflict",
      detail: expect.stringContaining("already rotated"),
    });
    const events = await auditOf({ type: "workflow", id: workflow.id });
    expect(events.at(-1)).toMatchObject({
      action: "token.rotated",
      data: { previousPrefix: first.token.prefix, prefix: rotated.token.prefix },
    });
  });

  it("revokes at once, cutting short an overlap", async () => {
    const { owner, workflow } = await givenOwnedWorkflow();
    const first = await create(owner, workflow.id);
    const rotated = await rotate(owner, workflow.id, first.token.id, 60);

    await expect(revoke(owner, workflow.id, first.token.id)).resolves.toMatchObject({ status: "revoked" });
    await expect(authenticate(first.secret)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(revoke(owner, workflow.id, rotated.token.id)).resolves.toMatchObject({ status: "revoked" });
    await expect(authenticate(rotated.secret)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(revoke(owner, workflow.id, rotated.token.id)).rejects.toMatchObject({ code: "conflict" });
    expect((await auditOf({ type: "workflow", id: workflow.id })).filter((e) => e.action === "token.revoked")).toHaveLength(2);
  });

  it("hides another owner's workflow and tokens: 404 for listing, creating, rotating and revoking", async () => {
    const { owner, workflow } = await givenOwnedWorkflow();
    const issued = await create(owner, workflow.id);
    const stranger = await givenUser(["OWNER"]);
    await expect(listServiceTokens({ user: stranger, workflowId: workflow.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(create(stranger, workflow.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(rotate(stranger, workflow.id, issued.token.id, 0)).rejects.toMatchObject({ code: "not_found" });
    await expect(revoke(stranger, workflow.id, issued.token.id)).rejects.toMatchObject({ code: "not_found" });
    // A token id under a workflow it does not belong to finds nothing either.
    const other = await givenOwnedWorkflow();
    await expect(revoke(other.owner, other.workflow.id, issued.token.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(authenticate(issued.secret)).resolves.toMatchObject({ tokenId: issued.token.id });
  });
  it("refuses a token for another environment than the workflow's, stores nothing, and refuses one already stored at use", async () => {
    const { owner, workflow } = await givenOwnedWorkflow();
    await expect(create(owner, workflow.id, { name: "runner", scopes: ["DECIDE"], environment: "PROD" })).rejects.toMatchObject({
      code: "validation_failed",
      detail: `${workflow.key} runs in STAGING: its tokens must be for STAGING, not PROD`,
      fieldProblems: [{ path: "body.environment", message: "Use STAGING (the workflow's environment) or leave it out" }],
    });
    expect(await db.serviceToken.count({ where: { workflowId: workflow.id } })).toBe(0);
    expect(await auditOf({ type: "workflow", id: workflow.id })).toEqual([]);
    await expect(create(owner, workflow.id, { name: "runner", scopes: ["DECIDE"], environment: "STAGING" })).resolves.toMatchObject({
      token: { environment: "STAGING" },
    });

    // Issued before creation refused it: unusable, and not rotated into another unusable token.
    const legacy = await create(owner, workflow.id);
    await db.serviceToken.update({ where: { id: legacy.token.id }, data: { environment: "DEV" } });
    await expect(authenticate(legacy.secret)).rejects.toMatchObject({
      code: "forbidden",
      detail: `This service token is for DEV, but workflow ${workflow.key} runs in STAGING; use a STAGING token`,
    });
    await expect(rotate(owner, workflow.id, legacy.token.id, 0)).rejects.toMatchObject({
      code: "conflict",
      detail: expect.stringContaining("so it never worked"),
    });
  });
});
