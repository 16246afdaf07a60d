import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The one-way import rules of shared/STYLE.md, enforced:
//   app → components → lib/client → lib/contracts
//   app → lib/server/http → lib/server/<domain> → lib/server/{authz,audit,db} → lib/contracts
//   scripts → lib/server/process → lib/server/{http,jobs} → lib/server/<domain>
const DOMAINS = [
  "users",
  "registry",
  "decisions",
  "approvals",
  "killswitch",
  "events",
  "scorecard",
  "webhooks",
  "runs",
  "dashboard",
  "rollups",
];
// shared: helpers every room may use (canonical JSON and hashing, JSON Schema, SSE); it imports no room above it.
const INFRA = ["audit", "authz", "db", "dlp", "shared"];

const NO_UI = { group: ["@/app/*", "**/app/**", "@/components/*", "**/components/**"], message: "lib never imports app or components" };
const NO_SERVER = {
  group: ["@/lib/server/*", "**/lib/server/**", "**/server/**", "@/prisma/*"],
  message: "browser code reaches the server only through lib/client",
};
const NO_CLIENT = { group: ["@/lib/client/*", "**/client/**"], message: "contracts are shared: they import neither client nor server" };
const NO_FRAMEWORK = {
  group: ["next", "next/*", "next-auth", "next-auth/*"],
  message: "domain code is framework-free: HTTP belongs to lib/server/http",
};
const NO_REACT = { group: ["react", "react-dom"], message: "contracts are framework-free" };
const NO_HTTP = { group: ["@/lib/server/http/*", "**/http/**"], message: "domain code never imports the HTTP layer" };
const NO_PROCESS = {
  group: ["@/lib/server/process/*", "**/process/**"],
  message: "only scripts and tests start processes: nothing in lib/server imports lib/server/process",
};
const NO_JOBS = {
  group: ["@/lib/server/jobs/*", "**/jobs/**"],
  message: "background jobs are started by the front door (lib/server/process) alone; a job imports its domain, never the reverse",
};
const NO_DOMAIN = {
  group: DOMAINS.flatMap((d) => [`@/lib/server/${d}/*`, `**/server/${d}/**`, `../${d}/*`]),
  message: "audit, authz and db sit below the domain rooms and never import them",
};

const restrict = (files, ...patterns) => ({ files, rules: { "no-restricted-imports": ["error", { patterns }] } });

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "lib/server/db/generated/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  // Later blocks override earlier ones for the same file, so each block lists all its patterns.
  restrict(["components/**"], { ...NO_UI, group: ["@/app/*", "**/app/**"], message: "components never import app" }, NO_SERVER),
  restrict(["lib/**"], NO_UI),
  restrict(["lib/client/**"], NO_UI, NO_SERVER),
  restrict(["lib/contracts/**"], NO_UI, NO_SERVER, NO_CLIENT, NO_FRAMEWORK, NO_REACT),
  restrict(
    DOMAINS.map((d) => `lib/server/${d}/**`),
    NO_UI,
    NO_FRAMEWORK,
    NO_HTTP,
    NO_PROCESS,
    NO_JOBS,
  ),
  restrict(
    INFRA.map((d) => `lib/server/${d}/**`),
    NO_UI,
    NO_FRAMEWORK,
    NO_HTTP,
    NO_PROCESS,
    NO_JOBS,
    NO_DOMAIN,
  ),
  restrict(["lib/server/http/**"], NO_UI, NO_PROCESS, NO_JOBS),
  restrict(["lib/server/jobs/**"], NO_UI, NO_FRAMEWORK, NO_HTTP, NO_PROCESS),
  // The SDK runs inside automations: it shares the contracts and nothing of the server or the console.
  { ...restrict(["sdk/**"], NO_UI, NO_SERVER, NO_CLIENT, NO_FRAMEWORK, NO_REACT), ignores: ["sdk/test-support/**", "sdk/**/*.test.ts"] },
]);
