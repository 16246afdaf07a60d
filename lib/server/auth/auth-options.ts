import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { encodeSignInError } from "@/lib/contracts/auth";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import { env } from "../env";
import { buildOidcProvider, OIDC_PROVIDER_ID } from "./build-oidc-provider";
import { getOidcConfig } from "./oidc-config";
import { signInWithOidc } from "./sign-in-with-oidc";
import { signInWithPassword } from "./sign-in-with-password";
import { runAudited } from "../audit/run-audited";

const SESSION_SECONDS = 8 * 60 * 60;
const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

const oidc = getOidcConfig();

const credentials = CredentialsProvider({
  id: "credentials",
  name: "Email and password",
  credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
  async authorize(input, req) {
    const header: unknown = req.headers?.["x-request-id"];
    const requestId = typeof header === "string" && REQUEST_ID.test(header) ? header : null;
    const result = await signInWithPassword({ email: input?.email ?? "", password: input?.password ?? "", requestId });
    // next-auth hands a thrown message to the sign-in page as `error`; it is a code, not prose.
    if (!result.ok) throw new Error(encodeSignInError(result.failure));
    return { id: result.user.id, email: result.user.email, name: result.user.name };
  },
});

/** next-auth configuration: JWT sessions that carry only the user id; users are re-read per request. */
export const authOptions: AuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: oidc ? [credentials, buildOidcProvider(oidc)] : [credentials],
  callbacks: {
    async signIn({ account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      const result = await signInWithOidc({ claims: profile });
      return result.ok || `/sign-in?error=${encodeSignInError(result.failure)}`;
    },
    async jwt({ token, user, account }) {
      if (account?.provider === OIDC_PROVIDER_ID) {
        // The OIDC `user` is the provider's profile; the Tollgate id is the row signInWithOidc wrote.
        const row = await db.user.findUnique({ where: { oidcSubject: account.providerAccountId }, select: { id: true } });
        return row ? { sub: row.id } : {};
      }
      return { sub: user?.id ?? token.sub };
    },
    async session({ session, token }) {
      return { expires: session.expires, user: token.sub ? { id: token.sub } : undefined };
    },
  },
  events: {
    async signOut({ token }) {
      const user = token?.sub ? await db.user.findUnique({ where: { id: token.sub }, select: { id: true, email: true } }) : null;
      if (!user) return;
      await runAudited(db, (tx) =>
        recordAuditEvent(tx, { type: "user", id: user.id, label: user.email }, { action: "auth.sign_out", target: { type: "user", id: user.id }, data: {} }),
      );
    },
  },
};
