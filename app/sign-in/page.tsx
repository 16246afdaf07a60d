import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { describeSignInError } from "@/lib/contracts/auth";
import { getOidcConfig } from "@/lib/server/auth/oidc-config";

export const metadata: Metadata = { title: "Sign in · Tollgate" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignInPage({ searchParams }: { searchParams: TSearchParams }) {
  const params = await searchParams;
  return (
    <main className="auth-page">
      <section className="card" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in to Tollgate</h1>
        <SignInForm
          callbackUrl={first(params.callbackUrl) ?? null}
          initialError={describeSignInError(first(params.error))}
          oidcName={getOidcConfig()?.displayName ?? null}
        />
      </section>
    </main>
  );
}
