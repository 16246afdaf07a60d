import { z } from "zod";

/** Emails are compared lower-cased everywhere; store them that way too. */
export const ZEmail = z.string().trim().toLowerCase().pipe(z.email().max(320));

export const ZSignInInput = z.object({
  email: ZEmail,
  // argon2 pre-hashes any length; the cap only bounds request size.
  password: z.string().min(1).max(1024),
});

// What the sign-in page may say. None of these tells a stranger whether an email is registered.
const SIGN_IN_MESSAGES = {
  invalid_input: "Enter a valid email address and your password.",
  invalid_credentials: "Email or password is incorrect.",
  disabled: "This account is disabled. Ask an administrator to re-enable it.",
  // Said alike for registered and unknown emails: the counters do not know which is which.
  throttled: "Too many failed sign-in attempts from your network.",
  account_throttled: "Too many failed sign-in attempts for this email from many places.",
  no_role: "Your single sign-on account has no Tollgate role. Ask an administrator for access.",
  email_unverified: "Your identity provider has not verified your email address.",
  oidc_conflict: "This email is linked to a different single sign-on identity. Ask an administrator.",
  invalid_profile: "Your identity provider did not send a usable email address.",
} as const;
export type TSignInErrorReason = keyof typeof SIGN_IN_MESSAGES;

// next-auth's own error codes, as they arrive in `?error=` or from signIn().
const NEXT_AUTH_MESSAGES: Record<string, string> = {
  CredentialsSignin: SIGN_IN_MESSAGES.invalid_credentials,
  AccessDenied: "Access denied.",
  SessionRequired: "Sign in to continue.",
  Configuration: "Sign-in is misconfigured on the server. Contact an administrator.",
  OAuthSignin: "Single sign-on failed. Try again or contact an administrator.",
  OAuthCallback: "Single sign-on failed. Try again or contact an administrator.",
  Callback: "Single sign-on failed. Try again or contact an administrator.",
};

/** `throttled:12` → 12: the wait a refused sign-in names, or null for any other error. */
export function throttledSeconds(code: string | null | undefined): number | null {
  const match = /^(?:throttled|account_throttled):(\d{1,9})$/.exec(code ?? "");
  return match?.[1] ? Number.parseInt(match[1], 10) : null;
}

/** The error string carried from the server to the sign-in page: `reason` or `reason:seconds`. */
export function encodeSignInError(options: { reason: TSignInErrorReason; retryAt?: Date; now?: Date }): string {
  if (!options.retryAt) return options.reason;
  const seconds = Math.max(1, Math.ceil((options.retryAt.getTime() - (options.now ?? new Date()).getTime()) / 1000));
  return `${options.reason}:${seconds}`;
}

function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** A sentence for the sign-in form, or null when there is no error. */
export function describeSignInError(code: string | null | undefined): string | null {
  if (!code) return null;
  const [reason = "", wait] = code.split(":");
  const seconds = wait === undefined ? NaN : Number.parseInt(wait, 10);
  if (reason in SIGN_IN_MESSAGES) {
    const message = SIGN_IN_MESSAGES[reason as TSignInErrorReason];
    return Number.isFinite(seconds) && seconds > 0 ? `${message} Try again in ${waitText(seconds)}.` : message;
  }
  return NEXT_AUTH_MESSAGES[code] ?? "Sign-in failed. Try again.";
}

/** Where to go after signing in: a path on this origin, never another site. */
export function safeCallbackPath(options: { value: string | null | undefined; origin: string }): string {
  const { value, origin } = options;
  // Backslashes and control characters are how "/\evil.com"-style open redirects slip through.
  if (!value || /[\\\u0000-\u001f]/.test(value)) return "/";
  try {
    const url = new URL(value, origin);
    if (url.origin !== new URL(origin).origin) return "/";
    const path = `${url.pathname}${url.search}${url.hash}`;
    // Landing back on the sign-in page or an auth endpoint after signing in would be a loop.
    return /^\/(sign-in|api\/auth)([/?#]|$)/.test(path) ? "/" : path;
  } catch {
    return "/";
  }
}
