import "server-only";

// Slack, Discord and Teams put a long random token in the path; ordinary path words are shorter.
const LONG_SEGMENT = 16;

/** `https://hooks.slack.com/services/T0/B0/…a1B2`: enough to recognise the endpoint, not enough to post to it. */
export function redactWebhookUrl(url: string): string {
  if (!URL.canParse(url)) return "(invalid URL)";
  const parsed = new URL(url);
  const path = parsed.pathname
    .split("/")
    .map((segment) => (segment.length >= LONG_SEGMENT ? `…${segment.slice(-4)}` : segment))
    .join("/");
  return `${parsed.origin}${path}${parsed.search ? "?…" : ""}`;
}
