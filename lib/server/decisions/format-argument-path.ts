import "server-only";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * `["items", 0, "sku"]` → `items[0].sku`, or `arguments.items[0].sku` under `root: "arguments"`;
 * odd keys are quoted: `meta["a.b"]`. The root alone (or "") for no segments.
 */
export function formatArgumentPath(options: { segments: readonly (string | number)[]; root?: string }): string {
  let path = options.root ?? "";
  for (const segment of options.segments) {
    if (typeof segment === "number") path += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) path += path === "" ? segment : `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}
