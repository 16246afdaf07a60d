import "server-only";
import type { TDecisionReason } from "@/lib/contracts/decisions";
import { scanForSensitiveData } from "../dlp/scan-for-sensitive-data";
import { MAX_DEPTH, type TDlpFinding, type TDlpKind } from "../dlp/types";
import { formatArgumentPath } from "./format-argument-path";
import { sensitivityOfRank, sensitivityRank, type TCompiledWorkflowSnapshot, type TDataTag, type TSensitivity } from "./types";

export type TDataInvolved = {
  reasons: TDecisionReason[];
  /** Highest sensitivity involved: touched classes and the declared classes behind DLP findings. */
  sensitivity: TSensitivity;
  /** What made it that high, for rule 6's message; null when nothing but PUBLIC is involved. */
  sensitivitySource: string | null;
  tags: Set<TDataTag>;
  detectedTags: Set<TDataTag>;
};

const WHAT: Partial<Record<TDlpKind, string>> = {
  card: "a card number",
  iban: "an IBAN",
  email: "an e-mail address",
  phone: "a phone number",
  ssn: "a US social security number",
};
const what = (finding: TDlpFinding) => WHAT[finding.kind] ?? `a credential (${finding.kind})`;
const where = (finding: TDlpFinding) =>
  `${formatArgumentPath({ segments: finding.path, root: "arguments" })}${finding.inKey ? " (in a key)" : ""}`;

/**
 * Rule 5: every data class the call names must be declared by the workflow, and a DLP scan of the
 * arguments must find no tag the workflow's declared classes do not carry.
 */
export function checkDataClasses(options: {
  snapshot: TCompiledWorkflowSnapshot;
  dataClasses: readonly string[];
  args: unknown;
}): TDataInvolved {
  const { snapshot, dataClasses, args } = options;
  const reasons: TDecisionReason[] = [];
  const tags = new Set<TDataTag>();
  let rank = 0;
  let sensitivitySource: string | null = null;
  for (const key of dataClasses) {
    const declared = snapshot.dataClasses.get(key);
    if (!declared) {
      reasons.push({
        rule: 5,
        code: "data_class_not_declared",
        message: `Data class ${key} is not declared by workflow ${snapshot.workflowKey}`,
      });
      continue;
    }
    for (const tag of declared.tags) tags.add(tag);
    if (sensitivityRank(declared.sensitivity) > rank) {
      rank = sensitivityRank(declared.sensitivity);
      sensitivitySource = `data class ${key}`;
    }
  }

  const scan = scanForSensitiveData({ value: args, maxFindings: 20 });
  if (scan.depthExceeded) {
    reasons.push({
      rule: 5,
      code: "dlp_scan_incomplete",
      message: `The arguments nest deeper than ${MAX_DEPTH} levels, so the DLP scan could not read all of them`,
    });
  }
  for (const tag of scan.tags) {
    const first = scan.findings.find((f) => f.tag === tag);
    const found = first ? `${what(first)} at ${where(first)}` : `${tag} data`;
    const path = first && !first.inKey ? formatArgumentPath({ segments: first.path }) : undefined;
    const declaredAs = snapshot.tagSensitivity.get(tag);
    if (declaredAs === undefined) {
      const message = `The arguments hold ${found}, tagged ${tag}, but workflow ${snapshot.workflowKey} declares no ${tag} data class`;
      reasons.push({ rule: 5, code: "dlp_undeclared_class", message, ...(path === undefined ? {} : { path }) });
      continue;
    }
    tags.add(tag);
    if (sensitivityRank(declaredAs) > rank) {
      rank = sensitivityRank(declaredAs);
      sensitivitySource = `${found}, ${tag} data the workflow declares as ${declaredAs}`;
    }
  }
  return { reasons, sensitivity: sensitivityOfRank(rank), sensitivitySource, tags, detectedTags: scan.tags };
}
