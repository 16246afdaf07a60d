import { z } from "zod";
import packageJson from "../../package.json";
import { API_OPERATIONS, API_TAGS, errorStatusesOf, type TApiOperation, type TOpenApiDocument } from "./api-catalog";
import * as adminOperations from "./api-catalog/admin-operations";
import * as approvals from "./approvals";
import * as approvalsConsole from "./approvals-console";
import * as audit from "./audit";
import * as catalog from "./catalog";
import * as changes from "./changes";
import * as dashboard from "./dashboard";
import * as decisions from "./decisions";
import * as events from "./events";
import * as errors from "./errors";
import * as inventory from "./inventory";
import * as killswitch from "./killswitch";
import * as policies from "./policies";
import * as runs from "./runs";
import * as scorecard from "./scorecard";
import * as screen from "./screen";
import * as tokensAdmin from "./tokens-admin";
import * as users from "./users";
import * as webhooks from "./webhooks";
import * as workflows from "./workflows";

type TJson = Record<string, unknown>;
type TIo = "input" | "output";

const SUCCESS: Record<TApiOperation["status"], string> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "Done; no content",
};

// Components are named after the contract's export (`ZWorkflowDetail` → `WorkflowDetail`).
const CONTRACT_MODULES: Record<string, unknown>[] = [
  approvals,
  approvalsConsole,
  audit,
  catalog,
  changes,
  dashboard,
  decisions,
  errors,
  events,
  inventory,
  killswitch,
  policies,
  runs,
  scorecard,
  screen,
  tokensAdmin,
  users,
  webhooks,
  workflows,
  adminOperations,
];

function contractNames(): Map<unknown, string> {
  const names = new Map<unknown, string>();
  for (const exports of CONTRACT_MODULES) {
    for (const [key, value] of Object.entries(exports)) {
      if (/^Z[A-Z]/.test(key) && value instanceof z.ZodType && !names.has(value)) names.set(value, key.slice(1));
    }
  }
  return names;
}

/** The JSON Schema of one contract, in the shape a request sends (`input`) or a response carries (`output`). */
export function jsonSchemaOf(schema: z.ZodType, io: TIo): TJson {
  const json = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
    cycles: "throw",
    // Responses are serialised domain objects, not zod-parsed ones: extra keys are not promised away.
    override: ({ zodSchema, jsonSchema }) => {
      if (io === "output" && zodSchema._zod.def.type === "object" && !zodSchema._zod.def.catchall) delete jsonSchema.additionalProperties;
    },
  }) as TJson;
  delete json.$schema;
  return json;
}

function problemResponses(): Record<string, TJson> {
  const statuses = [...new Set(Object.values(errors.ERROR_STATUS))];
  return Object.fromEntries(
    statuses.map((status) => {
      const codes = Object.entries(errors.ERROR_STATUS)
        .filter(([, s]) => s === status)
        .map(([code]) => code as errors.TErrorCode);
      const description = codes.map((code) => `${errors.ERROR_TITLES[code]} (\`${code}\`)`).join("; ");
      return [
        `Problem${status}`,
        { description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } },
      ];
    }),
  );
}

/** Query or path parameters from an object schema, or a union of object schemas (each key once). */
function parametersOf(schema: z.ZodType, where: "path" | "query"): TJson[] {
  const json = jsonSchemaOf(schema, "input");
  const variants = ((json.oneOf ?? json.anyOf ?? [json]) as TJson[]).map((v) => ({
    properties: (v.properties ?? {}) as Record<string, TJson>,
    required: (v.required ?? []) as string[],
  }));
  const names = [...new Set(variants.flatMap((v) => Object.keys(v.properties)))];
  return names.map((name) => {
    const shapes = [...new Set(variants.flatMap((v) => (v.properties[name] ? [JSON.stringify(v.properties[name])] : [])))];
    const parsed = shapes.map((s) => JSON.parse(s) as TJson);
    const required = where === "path" || variants.every((v) => v.required.includes(name));
    // A union's discriminator reads better as one enum than as a list of constants.
    const constants = parsed.every((p) => p.type === "string" && "const" in p && Object.keys(p).length === 2);
    const merged = parsed.length === 1 ? parsed[0] : constants ? { type: "string", enum: parsed.map((p) => p.const) } : { anyOf: parsed };
    return { name, in: where, required, schema: merged };
  });
}

function pathParameters(op: TApiOperation): TJson[] {
  const inPath = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const parameters = op.params ? parametersOf(op.params, "path") : [];
  const declared = parameters.map((p) => p.name as string);
  if (inPath.length !== declared.length || !inPath.every((name) => declared.includes(name as string))) {
    throw new Error(`${op.id}: the path ${op.path} names {${inPath.join("}, {")}}, its params schema ${declared.join(", ") || "nothing"}`);
  }
  return parameters;
}

function security(op: TApiOperation): { security: TJson[]; description: string } {
  if (op.auth === "session") return { security: [{ sessionCookie: [] }], description: `Needs the \`${op.permission}\` permission.` };
  if (op.auth === "token")
    return { security: [{ serviceToken: [op.scope] }], description: `Needs a service token with the \`${op.scope}\` scope.` };
  return { security: [], description: "Public: no sign-in needed." };
}

export function buildOpenApiDocument(operations: readonly TApiOperation[] = API_OPERATIONS): TOpenApiDocument {
  const names = contractNames();
  const schemas: Record<string, TJson> = {};
  const owners = new Map<string, unknown>();

  // One component per contract and direction; a contract whose input and output differ gets two.
  const ref = (schema: z.ZodType, io: TIo): TJson => {
    const base = names.get(schema);
    if (!base) throw new Error("A schema in the API catalog is not exported (as Z…) from a lib/contracts module openapi.ts reads");
    const json = jsonSchemaOf(schema, io);
    for (const name of [base, `${base}${io === "input" ? "Input" : "Output"}`]) {
      if (owners.has(name) && owners.get(name) !== schema) throw new Error(`Two contract schemas are both named Z${base}; rename one`);
      if (!schemas[name]) {
        schemas[name] = json;
        owners.set(name, schema);
      }
      if (JSON.stringify(schemas[name]) === JSON.stringify(json)) return { $ref: `#/components/schemas/${name}` };
    }
    throw new Error(`Z${base} has no single shape for ${io}`);
  };
  ref(errors.ZProblem, "output");

  const content = (response: NonNullable<TApiOperation["response"]>) =>
    response instanceof z.ZodType
      ? { "application/json": { schema: ref(response, "output") } }
      : Object.fromEntries(Object.entries(response).map(([media, schema]) => [media, { schema: ref(schema, "output") }]));

  const paths: Record<string, Record<string, TJson>> = {};
  const ids = new Set<string>();
  for (const op of operations) {
    const method = op.method.toLowerCase();
    if (ids.has(op.id)) throw new Error(`Two operations are both called ${op.id}`);
    if (paths[op.path]?.[method]) throw new Error(`${op.method} ${op.path} is listed twice`);
    ids.add(op.id);
    const { security: requirement, description: authNote } = security(op);
    const parameters = [...pathParameters(op), ...(op.query ? parametersOf(op.query, "query") : [])];
    const description = SUCCESS[op.status];
    const success = op.response && op.status !== 204 ? { description, content: content(op.response) } : { description };
    const failures = errorStatusesOf(op).map((status) => [String(status), { $ref: `#/components/responses/Problem${status}` }]);
    (paths[op.path] ??= {})[method] = {
      operationId: op.id,
      summary: op.summary,
      description: authNote,
      tags: [op.tag],
      security: requirement,
      ...(op.auth === "session" ? { "x-tollgate-permission": op.permission } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: ref(op.body, "input") } } } } : {}),
      responses: { [String(op.status)]: success, ...Object.fromEntries(failures) },
    };
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "Tollgate",
      version: packageJson.version,
      description: "The control plane for AI automations. Errors are RFC 9457 problem details; every response carries an `x-request-id`.",
    },
    servers: [{ url: "/" }],
    tags: Object.entries(API_TAGS).map(([name, tagDescription]) => ({ name, description: tagDescription })),
    paths,
    components: {
      schemas,
      responses: problemResponses(),
      securitySchemes: {
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "A console sign-in; over HTTPS the cookie is `__Secure-next-auth.session-token`.",
        },
        serviceToken: {
          type: "http",
          scheme: "bearer",
          description: "A workflow's service token (`tg_…`) holding the scope the operation names.",
        },
      },
    },
  };
}
