import "server-only";
import { z } from "zod";

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  // Loopback port of the console process behind the front door; 0 picks a free one.
  CONSOLE_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  TOLLGATE_DATA_DIR: z.string().default(".data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  NEXTAUTH_URL: z.url().optional(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  // Encrypts stored webhook secrets; falls back to NEXTAUTH_SECRET. Changing it makes stored secrets unreadable.
  TOLLGATE_SECRET_KEY: z.string().min(32, "TOLLGATE_SECRET_KEY must be at least 32 characters").optional(),
  // A session ends after this long without a request (the absolute lifetime is 8 hours).
  AUTH_IDLE_MINUTES: z.coerce.number().int().min(1).max(480).default(30),
  // Failed password sign-ins are counted per window; a limit reached refuses (429) until it ends.
  AUTH_THROTTLE_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  AUTH_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).default(20),
  AUTH_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1).default(100),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_DISPLAY_NAME: z.string().default("Single sign-on"),
  OIDC_ROLE_CLAIM: z.string().default("groups"),
  // "claim-value=ROLE,other-value=ROLE": which values of the role claim grant which Tollgate role.
  OIDC_ROLE_MAP: z.string().default(""),
  // Requested scopes; by default "openid email profile" plus the role claim's name as a scope.
  OIDC_SCOPE: z.string().min(1).optional(),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  // Webhooks to loopback, private, link-local and metadata addresses are refused (SSRF) unless this is true.
  WEBHOOK_ALLOW_PRIVATE_TARGETS: z.stringbool().default(false),
  // `npm start` on a fresh demo database writes 30 days of demo history in the background; false skips it.
  SEED_HISTORY: z.stringbool().default(true),
});
export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

/** The validated environment. The only reader of process.env in the app. */
export function env(): TEnv {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}

export function requireDatabaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded Postgres)");
  return url;
}
