import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not found" };

// Next's built-in 404 carries an inline <style> without the request's nonce, which the console's
// CSP refuses; this one uses the console's stylesheets.
export default function NotFound() {
  return (
    <main className="auth-page">
      <section className="card refusal" aria-labelledby="not-found-title">
        <p className="refusal-code">404 · Not found</p>
        <h1 id="not-found-title">This page could not be found</h1>
        <p>The page does not exist, or it is not one you can see.</p>
        <p>
          <Link href="/" className="button">
            Go to your start page
          </Link>
        </p>
      </section>
    </main>
  );
}
