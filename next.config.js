/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM-heavy server packages are loaded from node_modules, never bundled.
  serverExternalPackages: ["@duckdb/node-api", "better-sqlite3", "@prisma/client", "pg", "hash-wasm"],
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 for signed-in users without access.
    authInterrupts: true,
    serverActions: { bodySizeLimit: "4mb" },
  },
};

export default nextConfig;
