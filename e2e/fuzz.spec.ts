import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import fc from "fast-check";
import { z } from "zod";
import { API_OPERATIONS, type TApiOperation } from "@/lib/contracts/api-catalog";
import { DEMO_PASSWORD } from "@/prisma/demo-data";
import { withE2eDatabase } from "./support/database";
import { E2E_BASE_URL } from "./support/ports";
import { CLAUDE, createDraftByApi, PROBLEM, uniqueKey } from "./support/registry";
import { DEMO, signInByApi } from "./support/session";

// Every operation of the API catalog, through the real front door with a real session (a user
// holding every role, so permission checks let the input through to validation) and a real
// service token: hostile inputs must be answered with a precise 4xx problem+json that reveals
// nothing internal, and must change nothing.

const SEED = 14;
const RANDOM_CASES_PER_OPERATION = 25;
const CONCURRENCY = 4;
// The front door refuses cross-site state changes; the fuzz is same-origin so it reaches validation.
const SAME_ORIGIN = { origin: E2E_BASE_URL };
// Signs of an internal failure leaking into an answer.
const INTERNALS =
  /prisma|postgres|sql state|syntax error at|violates|invalid byte sequence|unsupported unicode escape|22P05|22021|node_modules|\/work\/|\.(?:ts|js|mjs):\d+|\bat \S+ \(|Maximum call stack|RangeError|TypeError|ReferenceError/i;

type TCase = {
  op: TApiOperation;
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  anonymous?: boolean;
};
type TOutcome = { status: number; contentType: string; text: string };
type TExpect = (answer: TOutcome, problem: TProblemBody | null) => string | null;
type TProblemBody = { status?: number; code?: string; detail?: string; errors?: { path: string; message: string }[] };

const isStream = (op: TApiOperation) => typeof op.response === "object" && op.response !== null && "text/event-stream" in op.response;
const hasInput = (op: TApiOperation) => Boolean(op.params || op.query || op.body);
const shapeKeys = (schema: z.ZodType | undefined): string[] => (schema instanceof z.ZodObject ? Object.keys(schema.shape) : []);
const paramNames = (op: TApiOperation) => [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);

/** A UTF-16 string as a path or query component; unpaired surrogates as the CESU-8 bytes a careless client would send. */
function percentEncode(value: string): string {
  let out = "";
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff)
      out += `%${[0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => b.toString(16).toUpperCase()).join("%")}`;
    else out += encodeURIComponent(char);
  }
  return out;
}

function pathOf(op: TApiOperation, values: Record<string, string>): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? randomUUID());
}

// ---- generators ----------------------------------------------------------------------------

const hostileString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\ud800",
    "x\udfff",
    "\udc00\ud800",
    "😀",
    "",
    " ",
    "__proto__",
    "constructor",
    "../../etc/passwd",
    "%00",
    "' OR 1=1 --",
    "\\u0000",
  ),
);
// Only in bodies: in a URL it would only meet node:http's 16 KB header limit, a named case below.
const hugeString = fc.string({ minLength: 5_000, maxLength: 5_000, unit: "grapheme-ascii" }).map((s) => s.repeat(20));
const hostileLeaf = fc.oneof(
  hostileString,
  hugeString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, true, false, -1, 0, 1e308, Number.MAX_SAFE_INTEGER + 2),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileLeaf },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(hostileLeaf, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, hostileLeaf, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: 65, max: 400 }).map((depth) => deep(depth)) },
);
// Empty and dot segments are left out: clients normalise them away before sending (RFC 3986 §5.2.4).
const hostileSegment = fc.oneof(
  fc.uuid().map((id) => id),
  hostileString.map(percentEncode).filter((s) => s !== "" && !/^(?:\.|%2e){1,2}$/i.test(s)),
  fc.constantFrom("%E0%A4%A", "%", "%zz", "%C0%AF", "%ED%A0%80", "%00", "%2F", "x".repeat(3_000)),
);

function deep(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

function randomCase(op: TApiOperation): fc.Arbitrary<TCase> {
  const params = fc.record(
    Object.fromEntries(paramNames(op).map((name) => [name, hostileSegment])) as Record<string, fc.Arbitrary<string>>,
  );
  const queryKeys = [...shapeKeys(op.query), "x"];
  const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...queryKeys), hostileString), hostileString), { maxLength: 4 });
  const bodyKeys = shapeKeys(op.body);
  const bodyObject = fc.dictionary(bodyKeys.length ? fc.oneof(fc.constantFrom(...bodyKeys), hostileString) : hostileString, hostileValue, {
    maxKeys: 6,
  });
  const body = fc.oneof(
    { weight: 5, arbitrary: bodyObject.map((value) => ({ text: JSON.stringify(value), type: "application/json" })) },
    { weight: 1, arbitrary: hostileValue.map((value) => ({ text: JSON.stringify(value) ?? "null", type: "application/json" })) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 60 }).map((text) => ({ text: `{${text}`, type: "application/json" })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "",
          "application/json; charset=utf-16",
        )
        .map((type) => ({ text: "a=1&b=%00", type })),
    },
    {
      weight: 1,
      arbitrary: fc.constant({
        text: '{"__proto__":{"isAdmin":true,"roles":["ADMIN"]},"constructor":{"prototype":{"polluted":1}}}',
        type: "application/json",
      }),
    },
  );
  return fc.record({ params, query, body }).map(({ params: values, query: pairs, body: sent }) => {
    const search = pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join("&");
    return {
      op,
      label: "random",
      method: op.method,
      path: `${pathOf(op, values)}${search ? `?${search}` : ""}`,
      headers: { ...SAME_ORIGIN, ...(op.body ? { "content-type": sent.type } : {}) },
      body: op.body ? sent.text : undefined,
    };
  });
}

/** Valid runtime bodies, so one hostile field is the only thing wrong with them. */
function baseBody(op: TApiOperation): Record<string, unknown> {
  if (op.id === "decide" || op.id === "requestApproval")
    return {
      runId: `fuzz-${randomUUID()}`,
      tool: "stripe.refund",
      arguments: { amount: 10 },
      dataClasses: ["support-tickets"],
      model: CLAUDE,
    };
  return {};
}

/** The named hostile cases, each with the precise refusal it must get. */
function namedCases(op: TApiOperation): { case: TCase; expect: TExpect }[] {
  const out: { case: TCase; expect: TExpect }[] = [];
  const json = { ...SAME_ORIGIN, "content-type": "application/json" };
  const ids = Object.fromEntries(paramNames(op).map((name) => [name, randomUUID()]));
  const at = (label: string, path: string, headers: Record<string, string>, body: string | undefined, check: TExpect) =>
    out.push({ case: { op, label, method: op.method, path, headers, body }, expect: check });
  const body = (value: unknown) => (op.body ? JSON.stringify(value) : undefined);
  const plainBody = op.body ? JSON.stringify(baseBody(op)) : undefined;
  const fieldProblem =
    (path: string, message: RegExp): TExpect =>
    (answer, problem) =>
      answer.status === 400 && problem?.errors?.some((e) => e.path === path && message.test(e.message))
        ? null
        : `expected a 400 naming ${path} (${message})`;

  for (const name of paramNames(op)) {
    at(`bad percent-encoding in {${name}}`, pathOf(op, { ...ids, [name]: "%E0%A4%A" }), json, plainBody, (a, p) =>
      a.status === 400 && p?.code === "bad_request" ? null : "expected 400 bad_request",
    );
    at(`NUL in {${name}}`, pathOf(op, { ...ids, [name]: "abc%00def" }), json, plainBody, fieldProblem(`params.${name}`, /NUL character/));
    at(`lone surrogate in {${name}}`, pathOf(op, { ...ids, [name]: "%ED%A0%80" }), json, plainBody, (a) =>
      a.status === 400 ? null : "expected 400",
    );
  }
  at("a 20 KB query string", `${pathOf(op, ids)}?x=${"a".repeat(20_000)}`, json, plainBody, (a, p) =>
    a.status === 400 && /exceed 16 KB/.test(p?.detail ?? "") ? null : "expected a 400 naming the 16 KB limit",
  );
  const queryKey = shapeKeys(op.query)[0];
  if (queryKey)
    at(`NUL in ?${queryKey}`, `${pathOf(op, ids)}?${queryKey}=a%00b`, json, plainBody, fieldProblem(`query.${queryKey}`, /NUL character/));
  if (op.body) {
    const base = baseBody(op);
    for (const key of shapeKeys(op.body).slice(0, 8)) {
      at(
        `NUL in body.${key}`,
        pathOf(op, ids),
        json,
        body({ ...base, [key]: "fuzz\u0000" }),
        op.id === "ingestEvents" ? () => null : fieldProblem(`body.${key}`, /NUL character/),
      );
    }
    const first = op.id === "decide" || op.id === "requestApproval" ? "arguments" : (shapeKeys(op.body)[0] ?? "x");
    at(
      `lone surrogate in body.${first}`,
      pathOf(op, ids),
      json,
      body({ ...base, [first]: "\ud800" }),
      op.id === "ingestEvents" ? () => null : fieldProblem(`body.${first}`, /unpaired UTF-16 surrogate/),
    );
    for (const depth of [65, 10_000]) {
      // Written as text: the client's own JSON.stringify would overflow on it.
      const nested = `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
      const text = op.body ? JSON.stringify({ ...base, [first]: "\u0001deep" }).replace('"\\u0001deep"', nested) : undefined;
      at(`body.${first} ${depth} deep`, pathOf(op, ids), json, text, (a, p) =>
        a.status === 400 && /deeper than 64 levels/.test(p?.detail ?? "") ? null : "expected a 400 naming the depth limit of 64",
      );
    }
    at("malformed JSON", pathOf(op, ids), json, '{"a":', (a, p) =>
      a.status === 400 && /not valid JSON/.test(p?.detail ?? "") ? null : "expected 400 not valid JSON",
    );
    at("wrong content type", pathOf(op, ids), { ...SAME_ORIGIN, "content-type": "text/plain" }, plainBody, (a) =>
      a.status === 415 ? null : "expected 415",
    );
    at("prototype keys", pathOf(op, ids), json, '{"__proto__":{"admin":true},"constructor":{"prototype":{"polluted":true}}}', (a) =>
      a.status >= 400 && a.status < 500 ? null : "expected a 4xx",
    );
  }
  return out;
}

/** Operations with no input to fuzz: only hostile credentials, which must be refused. */
function credentialCases(op: TApiOperation): TCase[] {
  const forged =
    op.auth === "token"
      ? ["Bearer tg_%00%ff", "Bearer tg_x", `Bearer ${"tg_".padEnd(5_000, "a")}`, "Basic Og==", "Bearer"].map((authorization) => ({
          authorization,
        }))
      : [
          "next-auth.session-token=forged",
          "__Secure-next-auth.session-token=eyJhbGciOiJub25lIn0.e30.",
          `next-auth.session-token=${"a".repeat(3_000)}`,
        ].map((cookie) => ({ cookie }));
  return forged.map((headers) => ({
    op,
    label: "forged credentials",
    method: op.method,
    path: op.path,
    headers: { ...SAME_ORIGIN, "content-type": "text/plain", ...headers },
    body: op.method === "GET" ? undefined : "\u0000",
    anonymous: true,
  }));
}

// ---- the run ---------------------------------------------------------------------------------

async function send(api: APIRequestContext, c: TCase): Promise<TOutcome> {
  // A Buffer, sent as is: Playwright would re-encode a string that is not valid JSON as a JSON string.
  const data = c.body === undefined ? undefined : Buffer.from(c.body, "utf8");
  const response: APIResponse = await api.fetch(c.path, { method: c.method, headers: c.headers, data, maxRedirects: 0, timeout: 20_000 });
  return { status: response.status(), contentType: response.headers()["content-type"] ?? "", text: await response.text() };
}

function judge(c: TCase, answer: TOutcome): { problem: TProblemBody | null; failure: string | null } {
  if (answer.status >= 500) return { problem: null, failure: `answered ${answer.status}: ${answer.text.slice(0, 200)}` };
  if (answer.status >= 400) {
    if (INTERNALS.test(answer.text)) return { problem: null, failure: `reveals internals: ${answer.text.slice(0, 300)}` };
    if (answer.contentType !== PROBLEM)
      return { problem: null, failure: `a ${answer.status} as ${answer.contentType || "no content-type"}` };
    const problem = JSON.parse(answer.text) as TProblemBody;
    if (problem.status !== answer.status || !problem.code || !problem.detail)
      return { problem, failure: "a problem document without status, code and detail" };
    return { problem, failure: null };
  }
  // Reads may ignore what they do not use; a change must refuse hostile input. Run events answer per item.
  if (c.method === "GET") return { problem: null, failure: null };
  if (c.op.id === "ingestEvents" && /"stored":0\b/.test(answer.text)) return { problem: null, failure: null };
  return { problem: null, failure: `a ${c.method} answered ${answer.status}: ${answer.text.slice(0, 200)}` };
}

async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++] as T);
    }),
  );
}

/** Everything the fuzz's principals could have changed: their audited actions and their workflow's run-time records. */
async function fingerprint(actorIds: string[], workflowId: string): Promise<string> {
  return withE2eDatabase(async (client) => {
    const { rows } = await client.query(
      `SELECT
         (SELECT count(*) FROM audit_events WHERE actor_id = ANY($1) OR target_id = $2) AS audit,
         (SELECT count(*) FROM decisions WHERE workflow_id = $2::uuid) AS decisions,
         (SELECT count(*) FROM run_events WHERE workflow_id = $2::uuid) AS events,
         (SELECT count(*) FROM runs WHERE workflow_id = $2::uuid) AS runs,
         (SELECT count(*) FROM approval_requests WHERE workflow_id = $2::uuid) AS approvals,
         (SELECT count(*) FROM service_tokens WHERE workflow_id = $2::uuid) AS tokens,
         (SELECT md5(string_agg(w::text, '')) FROM workflows w WHERE id = $2::uuid) AS workflow,
         (SELECT md5(string_agg(u.id::text || u.updated_at::text || u.disabled::text, '' ORDER BY u.id)) FROM users u WHERE id = ANY($1::text[]::uuid[])) AS users`,
      [actorIds, workflowId],
    );
    return JSON.stringify(rows[0]);
  });
}

test("no operation answers a 5xx, leaks internals or changes anything under hostile input", async ({ playwright }) => {
  test.setTimeout(300_000);
  const admin = await playwright.request.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: SAME_ORIGIN });
  await signInByApi(admin, DEMO.ADMIN);
  const email = `fuzz-${randomUUID().slice(0, 8)}@tollgate.local`;
  const created = await admin.post("/api/v1/users", {
    data: { email, name: "Fuzz Every Role", password: DEMO_PASSWORD, roles: ["ADMIN", "SECURITY", "APPROVER", "OWNER", "AUDITOR"] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const user = (await created.json()) as { id: string };

  const session = await playwright.request.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: SAME_ORIGIN });
  await signInByApi(session, email);
  const draft = await createDraftByApi(session, uniqueKey("fuzz"));
  const functions = ["WORKFLOW_OWNER", "DATA_OWNER", "PLATFORM_OWNER", "SECURITY"] as const;
  const raci = await session.put(`/api/v1/workflows/${draft.id}/raci`, {
    data: {
      assignments: functions.map((fn) => ({
        userId: user.id,
        function: fn,
        role: fn === "WORKFLOW_OWNER" ? "ACCOUNTABLE" : "RESPONSIBLE",
      })),
      expectedVersion: draft.version,
    },
  });
  expect(raci.status(), await raci.text()).toBe(200);
  const issued = await session.post(`/api/v1/workflows/${draft.id}/tokens`, {
    data: { name: "fuzz", scopes: ["DECIDE", "INGEST", "APPROVE_REQUEST"] },
  });
  expect(issued.status(), await issued.text()).toBe(201);
  const { secret, token } = (await issued.json()) as { secret: string; token: { id: string } };
  const version = ((await raci.json()) as { version: number }).version;
  const activated = await session.post(`/api/v1/workflows/${draft.id}/status`, {
    data: { to: "ACTIVE", reason: "fuzz set-up", expectedVersion: version },
  });
  expect(activated.status(), await activated.text()).toBe(200);
  const runtime = await playwright.request.newContext({
    baseURL: E2E_BASE_URL,
    extraHTTPHeaders: { ...SAME_ORIGIN, authorization: `Bearer ${secret}` },
  });
  const anonymous = await playwright.request.newContext({ baseURL: E2E_BASE_URL });

  const cases: { case: TCase; expect?: TExpect }[] = [];
  for (const op of API_OPERATIONS) {
    if (!hasInput(op) && op.method !== "GET") {
      cases.push(...credentialCases(op).map((c) => ({ case: c })));
      continue;
    }
    if (isStream(op)) {
      cases.push(...credentialCases(op).map((c) => ({ case: c })));
      continue;
    }
    cases.push(...namedCases(op));
    cases.push(...fc.sample(randomCase(op), { seed: SEED, numRuns: RANDOM_CASES_PER_OPERATION }).map((c) => ({ case: c })));
  }

  const before = await fingerprint([user.id, token.id], draft.id);
  const failures: { key: string; example: string }[] = [];
  const statuses = new Map<number, number>();
  await pool(cases, CONCURRENCY, async ({ case: c, expect: check }) => {
    const api = c.anonymous ? anonymous : c.op.auth === "token" ? runtime : session;
    let answer: TOutcome;
    try {
      answer = await send(api, c);
    } catch (error) {
      failures.push({
        key: `${c.method} ${c.op.path} [${c.label}]: no answer`,
        example: `${c.path.slice(0, 160)}: ${(error as Error).message.split("\n")[0]}`,
      });
      return;
    }
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    const verdict = judge(c, answer);
    const precise = verdict.failure ?? check?.(answer, verdict.problem) ?? null;
    if (precise)
      failures.push({
        key: `${c.method} ${c.op.path} [${c.label}]: ${precise.slice(0, 40)}`,
        example: `${c.path.slice(0, 160)} → ${precise.slice(0, 300)}`,
      });
  });
  const after = await fingerprint([user.id, token.id], draft.id);

  const fiveHundreds = [...statuses].filter(([status]) => status >= 500).reduce((n, [, count]) => n + count, 0);
  console.log(
    `fuzz: ${API_OPERATIONS.length} operations, ${cases.length} cases, ${fiveHundreds} answers of 5xx; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  // One line per operation, case kind and reason, with the first example: a regression reads at a glance.
  const groups = new Map<string, { count: number; example: string }>();
  for (const { key, example } of failures)
    groups.set(key, { count: (groups.get(key)?.count ?? 0) + 1, example: groups.get(key)?.example ?? example });
  for (const [key, { count, example }] of groups) console.log(`  ✗ ${count}× ${key}\n      e.g. ${example}`);
  expect([...groups.keys()], `${failures.length} failing cases`).toEqual([]);
  expect(after, "nothing the fuzz's user or token could change has changed").toBe(before);
  await Promise.all([admin.dispose(), session.dispose(), runtime.dispose(), anonymous.dispose()]);
});
