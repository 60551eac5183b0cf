import path from "node:path";
import { defineConfig, type Plugin } from "rolldown";
import { dts } from "rolldown-plugin-dts";

const repository = path.dirname(import.meta.dirname);
const serverContext = path.join(import.meta.dirname, "src", "server-context.d.ts");

const isServerSource = (id: string) =>
  !id.endsWith(".d.ts") && !path.relative(repository, id).startsWith("client") && /\.tsx?$/.test(id);

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
  // The server's source is read only for its declarations: what it imports is never bundled.
  external: (id, importer) =>
    /^(@trpc\/|@tanstack\/|react($|\/))/.test(id) ||
    (typeof importer === "string" && isServerSource(importer)),
  plugins: [
    opaqueServerContext,
    // The compiler's root is the tsconfig's folder: the repository's, since the router lives in server/.
    dts({ generator: "tsgo", tsconfig: path.join(repository, "tsconfig.client.json"), cwd: repository }),
  ],
  output: { dir: "dist", format: "es", cleanDir: true },
  checks: { pluginTimings: false },
});
