import type { DefaultSession } from "next-auth";

// The session carries only the user's id; everything else is read fresh from the database.
declare module "next-auth" {
  interface Session {
    user?: { id: string } & DefaultSession["user"];
  }
}
