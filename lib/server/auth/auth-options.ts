import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { encodeSignInError } from "@/lib/contracts/auth";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { env } from "../env";
import { buildOidcProvider, OIDC_PROVIDER_ID } from "./build-oidc-provider";
import { endUserSessions } from "./end-user-sessions";
import { normalizeClientAddress } from "./normalize-client-address";
import { readSessionUser } from "./read-session-user";
import { getOidcConfig } from "./oidc-config";
import { SESSION_SECONDS } from "./session-lifetime";
import { signInWithOidc } from "./sign-in-with-oidc";
import { signInWithPassword } from "./sign-in-with-password";
import { runAudited } from "../audit/run-audited";

const SESSION_ENDED = "the session has ended";
const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

const oidc = getOidcConfig();

const credentials = CredentialsProvider({
  id: "credentials",
  name: "Email and password",
  credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
  async authorize(input, req) {
    const header: unknown = req.headers?.["x-request-id"];
    const requestId = typeof header === "string" && REQUEST_ID.test(header) ? header : null;
    // The front door overwrites x-forwarded-for with the peer it accepted (proxy-to-console.ts).
    const forwarded: unknown = req.headers?.["x-forwarded-for"];
    const address = normalizeClientAddress(typeof forwarded === "string" ? forwarded : null);
    const result = await signInWithPassword({ email: input?.email ?? "", password: input?.password ?? "", address, requestId });
    // next-auth hands a thrown message to the sign-in page as `error`; it is a code, not prose.
    if (!result.ok) throw new Error(encodeSignInError(result.failure));
    return { id: result.user.id, email: result.user.email, name: result.user.name, sessionId: result.sessionId };
  },
});

/**
 * next-auth configuration: JWT sessions that carry the user id and a server-side session id; the
 * session row and the user are re-read per request (getCurrentUser).
 */
export const authOptions: AuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  logger: {
    // An ended session read at /api/auth/session is an answer, not an error worth a stack trace.
    error(code, metadata) {
      if (code === "JWT_SESSION_ERROR" && metadata instanceof Error && metadata.message === SESSION_ENDED) return;
      console.error(`[next-auth] ${code}`, metadata);
    },
    warn: (code) => console.warn(`[next-auth] ${code}`),
    debug: () => {},
  },
  providers: oidc ? [credentials, buildOidcProvider(oidc)] : [credentials],
  callbacks: {
    async signIn({ user, account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      const result = await signInWithOidc({ claims: profile });
      if (!result.ok) return `/sign-in?error=${encodeSignInError(result.failure)}`;
      // next-auth hands this same object to the jwt callback below (no adapter): the session rides on it.
      user.sessionId = result.sessionId;
      return true;
    },
    async jwt({ token, user, account }) {
      if (!user) return { sub: token.sub, sid: token.sid };
      if (!user.sessionId) return {};
      if (account?.provider === OIDC_PROVIDER_ID) {
        // The OIDC `user` is the provider's profile; the Tollgate id is the row signInWithOidc wrote.
        const row = await db.user.findUnique({ where: { oidcSubject: account.providerAccountId }, select: { id: true } });
        return row ? { sub: row.id, sid: user.sessionId } : {};
      }
      return { sub: user.id, sid: user.sessionId };
    },
    // Only `GET /api/auth/session` comes here (getCurrentUser reads the token itself): an ended
    // session must not read as signed in there either. Throwing makes next-auth answer `{}` and
    // clear the cookie.
    async session({ session, token }) {
      const live = token.sub && token.sid ? await readSessionUser({ sessionId: token.sid, userId: token.sub }) : null;
      if (!live) throw new Error(SESSION_ENDED);
      return { expires: session.expires, user: { id: live.id } };
    },
  },
  events: {
    async signOut({ token }) {
      const user = token?.sub ? await db.user.findUnique({ where: { id: token.sub }, select: { id: true, email: true } }) : null;
      if (!user || !token.sid) return;
      const actor = { type: "user", id: user.id, label: user.email } as const;
      const sessionId = token.sid;
      // Ends the session on the server, so a copy of the cookie taken before signing out is dead too.
      await runAudited(db, async (tx) => {
        await recordAuditEvent(tx, actor, { action: "auth.sign_out", target: { type: "user", id: user.id }, data: {} });
        await endUserSessions({ tx, actor, userId: user.id, sessionId, reason: "signed_out" });
      });
    },
  },
};
