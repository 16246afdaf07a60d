import "server-only";

/**
 * What a decision id is bound to: the same id answers again only for the same workflow (its key in
 * the answer ring, its id in the `decisions` table), token, run, tool, model, data classes and
 * arguments hash.
 */
export type TDecisionBinding = {
  workflow: string;
  tokenId: string;
  runId: string;
  tool: string;
  model: string;
  dataClasses: readonly string[];
  argumentsHash: string;
};

/**
 * What the answer ring keeps beside an answer: the binding fields the answer does not name. One
 * string, written at once (each field written apart cost a decision ~1.5 µs). Unambiguous for
 * requests the edge accepted: a token id is a UUID, a model and catalog keys have no line
 * breaks, catalog keys no commas.
 */
export const bindingKey = (tokenId: string, model: string, dataClasses: readonly string[]) =>
  tokenId + "\n" + model + "\n" + dataClasses.join(",");

/** The binding of a remembered answer: its key, and what the answer (JSON) names. */
export function bindingOf(key: string, body: Buffer): TDecisionBinding {
  const answer = JSON.parse(body.toString("utf8")) as { workflowKey: string; runId: string; tool: string; argumentsHash: string };
  const [tokenId = "", model = "", dataClasses = ""] = key.split("\n");
  return {
    workflow: answer.workflowKey,
    tokenId,
    runId: answer.runId,
    tool: answer.tool,
    model,
    dataClasses: dataClasses ? dataClasses.split(",") : [],
    argumentsHash: answer.argumentsHash,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * Null when `again` is the call `first` was decided for; otherwise the 409's detail, naming the
 * first field that differs (nothing of another workflow's call is told).
 */
export function describeDecisionReuse(options: { decisionId: string; first: TDecisionBinding; again: TDecisionBinding }): string | null {
  const { decisionId, first, again } = options;
  const fresh = "use a fresh decisionId for a different call";
  if (first.workflow !== again.workflow) return `decisionId ${decisionId} was already used by another workflow; ${fresh}`;
  const used = `decisionId ${decisionId} was already used for a call to ${first.tool}`;
  if (first.tool !== again.tool) return `${used}, not ${again.tool}; ${fresh}`;
  if (first.tokenId !== again.tokenId) return `${used} made with another service token; a retry must send the same token, or ${fresh}`;
  if (first.runId !== again.runId) return `${used} in run ${JSON.stringify(first.runId)}, not ${JSON.stringify(again.runId)}; ${fresh}`;
  if (first.model !== again.model) return `${used} by model ${first.model}, not ${again.model}; ${fresh}`;
  if (!sameList(first.dataClasses, again.dataClasses)) {
    return `${used} with data classes [${first.dataClasses.join(", ")}], not [${again.dataClasses.join(", ")}]; ${fresh}`;
  }
  if (first.argumentsHash !== again.argumentsHash) {
    return `${used} with other arguments (SHA-256 ${first.argumentsHash.slice(0, 12)}…, these hash to ${again.argumentsHash.slice(0, 12)}…); ${fresh}`;
  }
  return null;
}
