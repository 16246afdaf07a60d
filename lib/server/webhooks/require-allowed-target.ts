import "server-only";
import { AppError } from "../errors";
import { refuseWebhookTarget } from "./refuse-webhook-target";

/** A 400 naming the rule when an endpoint's URL points where webhooks may not go. */
export function requireAllowedTarget(options: { url: string }): void {
  const refused = refuseWebhookTarget(options);
  if (refused) throw new AppError("validation_failed", `The webhook URL is refused: ${refused}`, [{ path: "body.url", message: refused }]);
}
