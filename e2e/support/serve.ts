import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createDb } from "@/lib/server/db/client";
import { GATE_NODE_FLAGS } from "@/lib/server/process/node-flags";
import { seedDemoData } from "@/prisma/seed";
import { createMigratedDatabase, dropDatabase, startTestServer, uniqueDatabaseName } from "@/test/support/postgres";
import { OIDC_CLIENT, SSO_ROLE_MAP, startOidcProvider } from "./oidc-provider";
import { E2E_DATABASE_URL_FILE } from "./database";
import { E2E_APP_PORT, E2E_BASE_URL, E2E_OIDC_ISSUER, E2E_OIDC_PORT } from "./ports";

// Playwright's web server: the built app on its own fresh database, never the quick-start data.
async function main(): Promise<void> {
  const server = await startTestServer();
  const database = uniqueDatabaseName("tollgate_e2e");
  const databaseUrl = await createMigratedDatabase(server.adminUrl, database);
  // Journeys that must move time (an approval left to expire) reach the database through this file.
  await writeFile(E2E_DATABASE_URL_FILE, databaseUrl, { mode: 0o600 });
  const db = createDb(databaseUrl);
  await seedDemoData({ db });
  await db.$disconnect();
  const oidc = await startOidcProvider({
    issuer: E2E_OIDC_ISSUER,
    port: E2E_OIDC_PORT,
    redirectUri: `${E2E_BASE_URL}/api/auth/callback/oidc`,
  });

  // The same front door `npm start` runs: the run-time gate and the console on one port.
  const app = spawn(process.execPath, [...GATE_NODE_FLAGS, path.join("scripts", "serve.ts")], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(E2E_APP_PORT),
      // Both stacks: "localhost" may resolve to ::1 or 127.0.0.1 depending on the client.
      HOST: "::",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: E2E_BASE_URL,
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      OIDC_ISSUER: E2E_OIDC_ISSUER,
      OIDC_CLIENT_ID: OIDC_CLIENT.id,
      OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
      OIDC_DISPLAY_NAME: "Corp SSO",
      OIDC_ROLE_CLAIM: "groups",
      OIDC_ROLE_MAP: SSO_ROLE_MAP,
      // The webhooks journey's receiver listens on 127.0.0.1.
      WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
    },
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    app.kill("SIGTERM");
    await new Promise((resolve) => (app.exitCode !== null ? resolve(null) : app.once("exit", resolve)));
    await oidc.stop();
    // With the embedded server the signal may already have stopped Postgres; its folder goes anyway.
    await dropDatabase(server.adminUrl, database).catch(() => {});
    await server.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  app.once("exit", (code) => {
    if (!stopping) {
      console.error(`the app server exited with ${code}`);
      void stop();
    }
  });
}

void main();
