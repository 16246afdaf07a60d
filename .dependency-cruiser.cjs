// Import rules ESLint's no-restricted-imports cannot express, because they need the whole graph
// or the importer's own room: no cycles, and no reaching into another domain's internals.
// Run by `npm run lint` and `npm test`: npx depcruise --config .dependency-cruiser.cjs .
// The one-way layer rules (app → components → lib/client → lib/contracts; domains never import
// http or next) stay in eslint.config.mjs.

const DOMAINS = [
  "users",
  "registry",
  "decisions",
  "approvals",
  "killswitch",
  "events",
  "webhooks",
  "runs",
  "scorecard",
  "dashboard",
  "incidents",
  "evidence",
  "rollups",
];

// A domain's internals: its read shapes (`*-view`), authorization filters (`*-where`), cursors and
// row-lock/refusal helpers its own functions share, and the gate's machinery under
// decisions/runtime/ (only runtime-gate.ts, the gate itself, is started from outside).
const INTERNAL_FILE = "([^/]*-(view|where|cursor)|(lock|refuse|require)-[^/]*)\\.ts$";

const internalsOf = (domain) => ({
  name: `no-${domain}-internals`,
  severity: "error",
  comment: `lib/server/${domain}'s internal helpers are for its own functions; call one of its verb-named functions instead (or move the helper to lib/server/shared).`,
  from: { pathNot: [`^lib/server/${domain}/`, "\\.test\\.tsx?$", "^test/", "^e2e/"] },
  to: { path: [`^lib/server/${domain}/${INTERNAL_FILE}`, `^lib/server/${domain}/.*/${INTERNAL_FILE}`] },
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "An import cycle (type-only imports included): rooms must depend one way. Move the shared piece down (types to lib/contracts or lib/server/authz, helpers to lib/server/shared).",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-runtime-internals",
      severity: "error",
      comment: "The run-time gate's parts under lib/server/decisions/runtime/ are reached through runtime-gate.ts only.",
      from: { pathNot: ["^lib/server/decisions/", "\\.test\\.tsx?$", "^test/", "^e2e/", "^bench/"] },
      to: { path: "^lib/server/decisions/runtime/", pathNot: "^lib/server/decisions/runtime/runtime-gate\\.ts$" },
    },
    {
      name: "foundations-stay-below",
      severity: "error",
      comment: "audit, authz, db, shared, dlp and input sit below auth, the domains, jobs, process and http, and never import them.",
      from: { path: "^lib/server/(audit|authz|db|shared|dlp|input)/", pathNot: "\\.test\\.tsx?$" },
      to: { path: `^lib/server/(auth|http|process|jobs|${DOMAINS.join("|")})/` },
    },
    {
      name: "registry-before-decisions",
      severity: "error",
      comment:
        "The registry compiles into the gate, never the other way: decisions reads registry rows, not registry code (shared pieces live in lib/server/shared). Files import in cycles only; rooms can too, so this direction is named.",
      from: { path: "^lib/server/decisions/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^lib/server/registry/" },
    },
    ...DOMAINS.map(internalsOf),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)node_modules/|^(\\.next|\\.data|lib/server/db/generated|test-results|playwright-report)/" },
    // Type-only imports count: the auth ↔ authz cycle this rule was written for was one.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
    cache: false,
  },
};
