import "server-only";
import type { TServicePrincipal } from "../authz/principal";
import { forbidden } from "../errors";

type TEnvironment = TServicePrincipal["environment"];

/**
 * The one rule every token-authenticated route applies: a token works only in its workflow's own
 * environment. Tokens issued before creation refused a mismatch still exist, so it holds at use.
 */
export function checkTokenEnvironment(options: {
  tokenEnvironment: TEnvironment;
  workflowEnvironment: TEnvironment;
  workflowKey: string;
}): void {
  const { tokenEnvironment, workflowEnvironment, workflowKey } = options;
  if (tokenEnvironment === workflowEnvironment) return;
  throw forbidden(
    `This service token is for ${tokenEnvironment}, but workflow ${workflowKey} runs in ${workflowEnvironment}; use a ${workflowEnvironment} token`,
  );
}
