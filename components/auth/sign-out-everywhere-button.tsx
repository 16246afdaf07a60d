"use client";

import { signOut } from "next-auth/react";
import { useEndMySessions } from "@/lib/client/users/use-end-my-sessions";

export function SignOutEverywhereButton({ className = "button" }: { className?: string }) {
  const end = useEndMySessions();
  return (
    <>
      <button
        className={className}
        type="button"
        disabled={end.isPending}
        // This session ended on the server with the rest; signOut then clears its cookie here.
        onClick={() => end.mutate(undefined, { onSuccess: () => void signOut({ callbackUrl: "/sign-in" }) })}
      >
        {end.isPending ? "Signing out everywhere…" : "Sign out everywhere"}
      </button>
      {end.error ? (
        <p className="error" role="alert">
          {end.error.detail}
        </p>
      ) : null}
    </>
  );
}
