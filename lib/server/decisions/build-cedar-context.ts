import "server-only";
import type { Context } from "@cedar-policy/cedar-wasm/nodejs";
import type { TCedarContextAttribute } from "./cedar-schema";
import { sensitivityRank, type TDataTag, type TEnvironment, type TSensitivity } from "./types";

export type TCedarFacts = {
  environment: TEnvironment;
  consequence: string;
  tier: string;
  sensitivity: TSensitivity;
  dataClasses: readonly string[];
  tags: ReadonlySet<TDataTag>;
  detectedTags: ReadonlySet<TDataTag>;
  model: string;
  args: Record<string, unknown>;
};

function valueOf(attribute: TCedarContextAttribute, facts: TCedarFacts): Context[string] | undefined {
  switch (attribute) {
    case "environment":
      return facts.environment;
    case "consequence":
      return facts.consequence;
    case "tier":
      return facts.tier;
    case "maxSensitivity":
      return facts.sensitivity;
    case "sensitivityRank":
      return sensitivityRank(facts.sensitivity);
    case "dataClasses":
      return [...facts.dataClasses];
    case "tags":
      return [...facts.tags];
    case "detectedTags":
      return [...facts.detectedTags];
    case "model":
      return facts.model;
    case "provider":
      return facts.model.slice(0, Math.max(0, facts.model.indexOf("/")));
    case "amount": {
      // Cedar's Long is a 64-bit integer: a fractional or absent amount is left out, and a policy
      // tests `context has amount` first.
      const amount = facts.args.amount;
      return typeof amount === "number" && Number.isSafeInteger(amount) ? amount : undefined;
    }
  }
}

/** The Cedar context of DECISION_CEDAR_SCHEMA, with only the attributes the slice's policies read. */
export function buildCedarContext(options: { attributes: ReadonlySet<TCedarContextAttribute>; facts: TCedarFacts }): Context {
  const context: Context = {};
  for (const attribute of options.attributes) {
    const value = valueOf(attribute, options.facts);
    if (value !== undefined) context[attribute] = value;
  }
  return context;
}
