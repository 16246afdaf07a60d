import type { DefaultSession } from "next-auth";

// The session carries only the user's id; everything else is read fresh from the database.
declare module "next-auth" {
  interface Session {
    user?: { id: string } & DefaultSession["user"];
  }
  // Set by a successful sign-in: the server-side session the JWT will name.
  interface User {
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The server-side session (user_sessions.id); ending that row signs this JWT out. */
    sid?: string;
  }
}
