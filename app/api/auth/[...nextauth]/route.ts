import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth/auth-options";
import { answerThrottledSignIn } from "@/lib/server/http/answer-throttled-sign-in";

// next-auth's own endpoints: providers, csrf, sign-in callbacks, session, sign-out.
const handler = NextAuth(authOptions);

type TContext = { params: Promise<{ nextauth: string[] }> };

async function POST(request: Request, context: TContext): Promise<Response> {
  const answer: Response = await handler(request, context);
  return answerThrottledSignIn({ request, answer });
}

export { handler as GET, POST };
