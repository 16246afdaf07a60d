import type { TestProject } from "vitest/node";
import { createMigratedDatabase, dropDatabase, startTestServer, uniqueDatabaseName } from "./support/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    testDb: { adminUrl: string; template: string };
  }
}

// One server and one migrated template per run; every test file gets its own clone of it.
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const template = uniqueDatabaseName("tollgate_template");
  await createMigratedDatabase(server.adminUrl, template);
  project.provide("testDb", { adminUrl: server.adminUrl, template });
  return async () => {
    await dropDatabase(server.adminUrl, template);
    await server.stop();
  };
}
