import "server-only";

/**
 * A pooled connection that breaks while idle (Postgres restarted or shutting down, a proxy's idle
 * timeout) is dropped by the pool and replaced on next use. Unhandled, pg raises it as an
 * 'error' event and the process dies; a server must log it and carry on.
 */
export function logIdleConnectionError(error: Error): void {
  console.error(`an idle database connection closed (${error.message}); the pool opens a new one when needed`);
}
