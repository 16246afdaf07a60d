import { defineConfig } from "prisma/config";

// Used only by `prisma generate` (see package.json); migrations are applied by our own runner.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
