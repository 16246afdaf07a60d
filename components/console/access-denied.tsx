import Link from "next/link";
import type { TPermission } from "@/lib/contracts/permissions";

/** The 403 view: says what is missing and who can grant it, without revealing the page's contents. */
export function AccessDenied({ permission, home = "/" }: { permission?: TPermission; home?: string | null }) {
  return (
    <section className="card refusal" aria-labelledby="refusal-title">
      <p className="refusal-code">403 · Forbidden</p>
      <h1 id="refusal-title">You don&apos;t have access to this page</h1>
      <p>
        {permission ? (
          <>
            This page needs the <code>{permission}</code> permission, which none of your roles grants.
          </>
        ) : (
          <>Your account has no role that grants access to any page of the console.</>
        )}{" "}
        An administrator can change your roles.
      </p>
      {home ? (
        <p>
          <Link href={home} className="button">
            Go to your start page
          </Link>
        </p>
      ) : null}
    </section>
  );
}
