/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets several builds (tests, benchmarks) live side by side.
  distDir: process.env.ENGRAM_DIST_DIR || ".next",
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-pgvector", "compromise"],
  poweredByHeader: false,
  reactStrictMode: true,
};

module.exports = nextConfig;
