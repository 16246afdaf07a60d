import type { TApiOperation } from "@/lib/contracts/api-catalog/operation";

type TQuery = Record<string, string | number | undefined>;
/** The `{name}`s in a catalog path, so a hook cannot leave one out or misspell it. */
type TParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | TParamNames<Rest> : never;
type TPathArgs<P extends string> = [TParamNames<P>] extends [never]
  ? [params?: Record<string, never>, query?: TQuery]
  : [params: Record<TParamNames<P>, string>, query?: TQuery];

/**
 * The URL of a catalog operation: its path with each `{name}` filled in (encoded), then the
 * query's non-empty values. Hooks take paths from the entry the route is defined from.
 */
export function apiPath<P extends TApiOperation["path"]>(operation: { path: P }, ...[params, query]: TPathArgs<P>): string {
  const values: Record<string, string> = params ?? {};
  const filled = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${operation.path} needs ${name}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `${filled}?${text}` : filled;
}
