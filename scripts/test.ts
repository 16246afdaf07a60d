import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

// `npm test`: every check and every test, in the order that fails fastest, then one summary line.
type TCounts = { passed: number; failed: number; skipped: number };
const totals: TCounts = { passed: 0, failed: 0, skipped: 0 };
let broken = false;

function step(name: string, command: string, args: string[]): boolean {
  console.log(`\n=== ${name}: ${command} ${args.join(" ")}`);
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, FORCE_COLOR: "0" } });
  const ok = result.status === 0;
  console.log(`=== ${name} ${ok ? "ok" : "FAILED"} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (!ok) broken = true;
  return ok;
}

function add(counts: TCounts, label: string) {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  console.log(`=== ${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}

function vitestCounts(file: string): TCounts | null {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

function playwrightCounts(file: string): TCounts | null {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, skipped: report.stats.skipped };
}

rmSync("test-results", { recursive: true, force: true });
const npx = "npx";
step("typecheck", npx, ["tsc", "--noEmit"]);
step("lint", npx, ["eslint", "--max-warnings=0", "."]);
step("import rules", npx, ["depcruise", "--config", ".dependency-cruiser.cjs", "."]);
step("formatting", npx, ["prettier", "--check", "--log-level=warn", "."]);
step("unit + integration", npx, ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"]);
const vitest = vitestCounts("test-results/vitest.json");
if (vitest) add(vitest, "vitest");
if (step("build", npx, ["next", "build"])) {
  step("end-to-end", npx, ["playwright", "test"]);
  const e2e = playwrightCounts("test-results/e2e.json");
  if (e2e) add(e2e, "playwright");
}

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(broken || totals.failed > 0 ? 1 : 0);
