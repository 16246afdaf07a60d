import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

// The DLP module as it was before issue 19 (commit ce26430, the tree issue 19 started from).
const DEFAULT_COMMIT = "ce26430";

type TBaselineDlp = {
  commit: string;
  scan: (options: { value: unknown }) => unknown;
  redact: (options: { value: unknown }) => unknown;
};

/**
 * lib/server/dlp of an earlier commit, written out of git under node_modules/.cache (so its bare
 * imports resolve) and imported beside this tree's: a same-run baseline without a second checkout.
 */
export async function loadBaselineDlp(commit = process.env.BENCH_DLP_BASELINE ?? DEFAULT_COMMIT): Promise<TBaselineDlp> {
  const full = execFileSync("git", ["rev-parse", commit], { encoding: "utf8" }).trim();
  const dir = path.resolve("node_modules/.cache/tollgate-dlp-baseline", full);
  const files = execFileSync("git", ["ls-tree", "--name-only", full, "lib/server/dlp/"], { encoding: "utf8" }).split("\n").filter(Boolean);
  if (!existsSync(path.join(dir, "scan-for-sensitive-data.ts"))) {
    mkdirSync(dir, { recursive: true });
    for (const file of files.filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
      writeFileSync(path.join(dir, path.basename(file)), execFileSync("git", ["show", `${full}:${file}`]));
    }
  }
  const scan = (await import(pathToFileURL(path.join(dir, "scan-for-sensitive-data.ts")).href)) as {
    scanForSensitiveData: TBaselineDlp["scan"];
  };
  const redact = (await import(pathToFileURL(path.join(dir, "redact-sensitive-data.ts")).href)) as {
    redactSensitiveData: TBaselineDlp["redact"];
  };
  return { commit: full, scan: scan.scanForSensitiveData, redact: redact.redactSensitiveData };
}
