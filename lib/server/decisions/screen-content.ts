import "server-only";
import { randomUUID } from "node:crypto";
import type { TDecisionReason } from "@/lib/contracts/decisions";
import {
  SCREEN_TOOL_KEY,
  type TScreenAction,
  type TScreenedClass,
  type TScreenRequestInput,
  type TScreenResponse,
} from "@/lib/contracts/screen";
import { redactSensitiveData } from "../dlp/redact-sensitive-data";
import { MAX_DEPTH, TAG_OF_KIND, type TDlpTag } from "../dlp/types";
import { checkKillSwitches } from "./check-kill-switches";
import { checkModel } from "./check-model";
import { checkWorkflowState } from "./check-workflow-state";
import { sensitivityRank, type TCompiledWorkflowSnapshot, type TEnvironment, type TKillSwitchView, type TSensitivity } from "./types";

// What an undeclared tag is weighed as: card data and secrets are the most sensitive there is.
const UNDECLARED_SENSITIVITY: Record<TDlpTag, TSensitivity> = {
  CREDENTIALS: "RESTRICTED",
  PCI: "RESTRICTED",
  PHI: "RESTRICTED",
  PII: "CONFIDENTIAL",
};
const WHAT: Record<TDlpTag, string> = { CREDENTIALS: "credentials", PCI: "card data", PHI: "health data", PII: "personal data" };

/**
 * Per tag, what screening does with what it found. Credentials never reach a model. Everything
 * else reaches it only when the workflow declares it and the model is approved for its
 * sensitivity; otherwise card data stops the content (the caller must not send it at all, PCI
 * scope), and other personal data is removed.
 */
function actionFor(tag: TDlpTag, allowed: boolean): TScreenAction {
  if (tag === "CREDENTIALS") return "redact";
  if (allowed) return "allow";
  return tag === "PCI" ? "deny" : "redact";
}

export type TScreening = {
  response: TScreenResponse;
  /** Declared data classes whose tags were found: what the decision log records the screening as touching. */
  dataClasses: string[];
};

type TScreenOptions = {
  snapshot: TCompiledWorkflowSnapshot;
  killSwitches: TKillSwitchView;
  tokenEnvironment: TEnvironment;
  request: TScreenRequestInput;
  /** Epoch milliseconds. */
  now: number;
  screeningId?: string;
};

type TTagVerdict = Omit<TScreenedClass, "kinds" | "count">;

/** What each tag would get, before reading the content: it depends only on the workflow and the model. */
function verdicts(snapshot: TCompiledWorkflowSnapshot, model: string): Map<TDlpTag, TTagVerdict> {
  const approved = snapshot.models.get(model);
  const tags: TDlpTag[] = ["CREDENTIALS", "PCI", "PII", "PHI"];
  return new Map(
    tags.map((tag) => {
      const declaredAs = snapshot.tagSensitivity.get(tag);
      const sensitivity = declaredAs ?? UNDECLARED_SENSITIVITY[tag];
      const modelApproved = approved?.status === "APPROVED" && sensitivityRank(approved.maxSensitivity) >= sensitivityRank(sensitivity);
      const action = actionFor(tag, declaredAs !== undefined && modelApproved);
      return [tag, { tag, declared: declaredAs !== undefined, sensitivity, modelApproved, action }];
    }),
  );
}

/** One pass: the redaction of the tags to remove, and what was found of every tag. */
function redactAndClassify(snapshot: TCompiledWorkflowSnapshot, model: string, content: unknown) {
  const byTag = verdicts(snapshot, model);
  const only = new Set([...byTag.values()].filter((v) => v.action === "redact").map((v) => v.tag));
  const redaction = redactSensitiveData({ value: content, only });
  const classes: TScreenedClass[] = [];
  for (const [kind, count] of redaction.found) {
    const verdict = byTag.get(TAG_OF_KIND[kind])!;
    let screened = classes.find((c) => c.tag === verdict.tag);
    if (!screened) classes.push((screened = { ...verdict, kinds: [], count: 0 }));
    screened.kinds.push(kind);
    screened.count += count;
  }
  return { classes, redaction };
}

const describe = (c: TScreenedClass) => `${c.count} × ${WHAT[c.tag]} (${c.kinds.join(", ")})`;

function denyReasons(snapshot: TCompiledWorkflowSnapshot, model: string, denied: TScreenedClass[]): TDecisionReason[] {
  return denied.map((c) =>
    c.declared
      ? {
          rule: 6,
          code: "model_not_approved_for_sensitivity",
          message: `Model ${model} is not approved for ${c.sensitivity} data, and the content holds ${describe(c)}, ${c.tag} data workflow ${snapshot.workflowKey} declares as ${c.sensitivity}; send none of it`,
        }
      : {
          rule: 5,
          code: "dlp_undeclared_class",
          message: `The content holds ${describe(c)}, tagged ${c.tag}, but workflow ${snapshot.workflowKey} declares no ${c.tag} data class; send none of it`,
        },
  );
}

/**
 * Screens content bound for a model against the workflow's compiled snapshot, as decisions are
 * decided: kill switches, workflow state and model approval first (any of them denies), then what
 * DLP finds, tag by tag (see actionFor). Answers what was found and the content that may be sent.
 */
export function screenContent(options: TScreenOptions): TScreening {
  const { snapshot, request, now } = options;
  const { model, content, kind } = request;
  const base = {
    screeningId: options.screeningId ?? randomUUID(),
    workflowKey: snapshot.workflowKey,
    model,
    kind,
    screenedAt: new Date(now).toISOString(),
    registryVersion: snapshot.registryVersion,
  };
  const deny = (reasons: TDecisionReason[], classes: TScreenedClass[] = []): TScreening => ({
    response: { ...base, outcome: "deny", classes, redactions: 0, content: null, reasons },
    dataClasses: [],
  });

  const { killSwitches, tokenEnvironment } = options;
  let reasons = checkKillSwitches({ killSwitches, workflowKey: snapshot.workflowKey, tool: SCREEN_TOOL_KEY, model });
  if (reasons.length) return deny(reasons);
  reasons = checkWorkflowState({ snapshot, tokenEnvironment });
  if (reasons.length) return deny(reasons);
  reasons = checkModel({ snapshot, model, sensitivity: "PUBLIC", sensitivitySource: null });
  if (reasons.length) return deny(reasons);

  const { classes, redaction } = redactAndClassify(snapshot, model, content);
  if (redaction.depthExceeded) {
    const message = `The content nests deeper than ${MAX_DEPTH} levels, so the DLP scan could not read all of it`;
    return deny([{ rule: 5, code: "dlp_scan_incomplete", message }], classes);
  }
  const denied = classes.filter((c) => c.action === "deny");
  if (denied.length) return deny(denyReasons(snapshot, model, denied), classes);

  const found = new Set<TDlpTag>(classes.map((c) => c.tag));
  const dataClasses = [...snapshot.dataClasses].filter(([, declared]) => declared.tags.some((tag) => found.has(tag))).map(([key]) => key);
  const removed = classes.filter((c) => c.action === "redact");
  if (removed.length === 0) {
    const message = classes.length ? `Everything found is declared and approved for ${model}` : "Nothing sensitive found";
    return {
      response: { ...base, outcome: "allow", classes, redactions: 0, content, reasons: [{ rule: 10, code: "allowed", message }] },
      dataClasses,
    };
  }
  const message = `Removed ${removed.map(describe).join(" and ")} before the content goes to ${model}`;
  return {
    response: {
      ...base,
      outcome: "redact",
      classes,
      redactions: redaction.count,
      content: redaction.value,
      // `allowed`, as the decision log records it: the content may go, once redacted (the message says what went).
      reasons: [{ rule: 10, code: "allowed", message }],
    },
    dataClasses,
  };
}
