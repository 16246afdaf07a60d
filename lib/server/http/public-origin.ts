import "server-only";
import { env } from "../env";

/** The origin people reach the console at: NEXTAUTH_URL's, else the one `npm start` defaults to. */
export function publicOrigin(): string {
  const config = env();
  return new URL(config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`).origin;
}
