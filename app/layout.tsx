import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/console/providers";
// Global styles, one file per area; the order is the cascade: tokens first, features last.
import "./styles/base.css";
import "./styles/shell.css";
import "./styles/primitives.css";
import "./styles/tables.css";
import "./styles/sign-in.css";
import "./styles/workflows.css";
import "./styles/catalog.css";
import "./styles/changes.css";
import "./styles/transfer.css";
import "./styles/approvals.css";
import "./styles/killswitch.css";
import "./styles/webhooks.css";
import "./styles/runs.css";
import "./styles/dashboard.css";
import "./styles/scorecard.css";

export const metadata: Metadata = {
  title: { default: "Tollgate", template: "%s · Tollgate" },
  description: "The control plane for AI automations",
};

// Every page is rendered per request: its scripts carry that request's CSP nonce (see proxy.ts).
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
