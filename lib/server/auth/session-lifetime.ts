import "server-only";

/** A session's absolute lifetime, however active it is: the JWT's maxAge and the row's expiresAt. */
export const SESSION_SECONDS = 8 * 60 * 60;

/** "Last seen" moves at most this often per session, so reads do not write on every request. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;
