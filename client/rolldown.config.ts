import path from "node:path";
import { defineConfig, type Plugin } from "rolldown";
import { dts } from "rolldown-plugin-dts";

const serverContext = path.join(import.meta.dirname, "src", "server-context.d.ts");

/** The router's declarations name the server's context type; give them an opaque one instead. */
const opaqueServerContext: Plugin = {
  name: "engram:opaque-server-context",
  resolveId: {
    order: "pre",
    async handler(source, importer, options) {
      if (!importer?.endsWith(".d.ts")) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && /[\\/]server[\\/]trpc[\\/]init\.d\.ts$/.test(resolved.id) ? serverContext : null;
    },
  },
};

export default defineConfig({
  input: { index: "src/index.ts", react: "src/react.ts" },
  cwd: import.meta.dirname,
  external: [/^@trpc\//, /^@tanstack\//, /^react($|\/)/],
  plugins: [
    opaqueServerContext,
    dts({ generator: "tsgo", tsconfig: "tsconfig.json", cwd: import.meta.dirname }),
  ],
  output: { dir: "dist", format: "es", cleanDir: true },
  checks: { pluginTimings: false },
});
