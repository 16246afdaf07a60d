"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { describeSignInError, safeCallbackPath } from "@/lib/contracts/auth";

type TProps = { callbackUrl: string | null; initialError: string | null; oidcName: string | null };

export function SignInForm({ callbackUrl, initialError, oidcName }: TProps) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);
  const destination = () => safeCallbackPath({ value: callbackUrl, origin: window.location.origin });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn<"credentials">("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        callbackUrl: destination(),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        // A full navigation, so every server component renders with the new session cookie.
        window.location.assign(destination());
        return;
      }
      setError(describeSignInError(result?.error ?? "unknown"));
    } catch {
      setError("Could not reach Tollgate. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <>
      {/* POST, so a submit that beats hydration can never put the password in a URL. */}
      <form className="form" method="post" action="/api/auth/callback/credentials" onSubmit={onSubmit} aria-busy={pending} noValidate>
        {error ? (
          <p id="sign-in-error" className="error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="sign-in-email">Email</label>
          <input
            id="sign-in-email"
            name="email"
            type="email"
            autoComplete="username"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "sign-in-error" : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="sign-in-password">Password</label>
          <input
            id="sign-in-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "sign-in-error" : undefined}
          />
        </div>
        <button className="button button-primary" type="submit" disabled={pending}>
          Sign in
        </button>
      </form>
      {oidcName ? (
        <div className="sso">
          <p className="divider">or</p>
          <button className="button" type="button" disabled={pending} onClick={() => void signIn("oidc", { callbackUrl: destination() })}>
            Sign in with {oidcName}
          </button>
        </div>
      ) : null}
    </>
  );
}
