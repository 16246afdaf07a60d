import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth/auth-options";

// next-auth's own endpoints: providers, csrf, sign-in callbacks, session, sign-out.
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
