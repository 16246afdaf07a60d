"use client";

import { signOut } from "next-auth/react";

export function SignOutButton({ className = "button" }: { className?: string }) {
  return (
    <button className={className} type="button" onClick={() => void signOut({ callbackUrl: "/sign-in" })}>
      Sign out
    </button>
  );
}
