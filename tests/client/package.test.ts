import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { appRouter } from "@/server/trpc/root";
import { serverForTests } from "../support/server";

const run = promisify(execFile);
const repository = process.cwd();
const appSources = path.join(repository, "tests", "client", "app");

interface PackageJson {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

const readPackage = (file: string): PackageJson => JSON.parse(readFileSync(file, "utf8"));
const serverPackage = readPackage(path.join(repository, "package.json"));
const clientPackage = readPackage(path.join(repository, "client", "package.json"));
const serverVersionOf = (name: string) =>
  serverPackage.dependencies?.[name] ?? serverPackage.devDependencies?.[name];

/** The environment without what `npm test` sets for its scripts, so the scratch app's npm is a plain one. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const key of Object.keys(env)) if (/^npm_/i.test(key)) delete env[key];
  return env;
}

const npm = (args: string[], cwd: string) =>
  run("npm", [...args, "--prefer-offline", "--no-audit", "--no-fund"], {
    cwd,
    env: cleanEnv(),
    maxBuffer: 10_000_000,
  });

/** Runs the scratch app's compiler; resolves with its output and exit code instead of throwing. */
async function typeCheck(app: string, project: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(path.join(app, "node_modules", ".bin", "tsc"), ["-p", project], {
      cwd: app,
      env: cleanEnv(),
    });
    return { code: 0, output: stdout };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? 1, output: `${failure.stdout ?? ""}${failure.stderr ?? ""}` };
  }
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

const server = serverForTests("client");
let workDir = "";
let tarball = "";
let unpacked = "";
let app = "";

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), "engram-client-"));
  await run("npm", ["run", "--silent", "pack:client", "--", "--pack-destination", workDir], {
    cwd: repository,
    env: cleanEnv(),
  });
  const packed = (await readdir(workDir)).filter((file) => file.endsWith(".tgz"));
  expect(packed).toEqual([`engram-client-${clientPackage.version}.tgz`]);
  tarball = path.join(workDir, packed[0]!);
  unpacked = path.join(workDir, "unpacked");
  await mkdir(unpacked);
  await run("tar", ["-xzf", tarball, "-C", unpacked]);
}, 180_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe("the package", () => {
  test("keeps its version and tRPC versions in step with the server", () => {
    expect(clientPackage.version).toBe(serverPackage.version);
    expect(clientPackage.dependencies?.["@trpc/client"]).toBe(serverVersionOf("@trpc/client"));
    expect(clientPackage.peerDependencies?.["@trpc/server"]).toBe(serverVersionOf("@trpc/server"));
    expect(clientPackage.peerDependencies?.["@trpc/tanstack-react-query"]).toBe(
      serverVersionOf("@trpc/tanstack-react-query"),
    );
  });

  test("the tarball holds the built client and nothing of the server", async () => {
    const { stdout } = await run("tar", ["-tzf", tarball]);
    const files = stdout.trim().split("\n").sort();
    expect(files).toContain("package/package.json");
    expect(files).toContain("package/README.md");
    expect(files).toEqual(
      expect.arrayContaining(["package/dist/index.js", "package/dist/index.d.ts", "package/dist/react.js"]),
    );
    for (const file of files) {
      expect(file).toMatch(/^package\/(package\.json|README\.md|dist\/[\w.-]+\.(js|d\.ts))$/);
    }
  });

  test("declares only @trpc/client, and peers for tRPC's server types and the React entry", () => {
    const packed = readPackage(path.join(unpacked, "package", "package.json"));
    expect(packed.name).toBe("@engram/client");
    expect(Object.keys(packed.dependencies ?? {})).toEqual(["@trpc/client"]);
    expect(packed.devDependencies).toBeUndefined();
    expect(Object.keys(packed.peerDependencies ?? {}).sort()).toEqual([
      "@tanstack/react-query",
      "@trpc/server",
      "@trpc/tanstack-react-query",
      "react",
    ]);
    // An app without React installs none of the React entry's peers.
    expect(packed.peerDependenciesMeta).toEqual({
      "@tanstack/react-query": { optional: true },
      "@trpc/tanstack-react-query": { optional: true },
      react: { optional: true },
    });
  });

  test("its declarations are self-contained and name every router of the server", async () => {
    const dist = path.join(unpacked, "package", "dist");
    const declarationFiles = (await readdir(dist)).filter((file) => file.endsWith(".d.ts"));
    const declarations = await Promise.all(
      declarationFiles.map((file) => readFile(path.join(dist, file), "utf8")),
    );
    const text = declarations.join("\n");
    const specifiers = [...text.matchAll(/(?:from\s+|import\()\s*"([^"]+)"/g)].map((match) => match[1]!);
    expect(specifiers.length).toBeGreaterThan(0);
    for (const specifier of specifiers) {
      expect(specifier).toMatch(/^(\.\/[\w.-]+\.js|@trpc\/(client|server|tanstack-react-query)(\/[\w-]+)?)$/);
    }
    expect(text).not.toMatch(/drizzle|postgres|next\/|"@\//);
    expect(text).not.toMatch(/\bany\b/);
    for (const name of Object.keys(appRouter._def.record)) {
      expect(text).toMatch(new RegExp(`\\b${name}: import\\("@trpc/server"\\)\\.TRPCBuiltRouter<`));
    }
    // The server's declarations were generated in a temporary folder, not beside its source.
    for (const folder of ["server", "db"]) {
      const files = await readdir(path.join(repository, folder), { recursive: true });
      expect(files.filter((file) => file.endsWith(".d.ts"))).toEqual([]);
    }
    // The runtime entry loads tRPC's client and nothing else; React stays in its own entry.
    const index = await readFile(path.join(dist, "index.js"), "utf8");
    const runtimeImports = [...index.matchAll(/from\s+"([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(runtimeImports)).toEqual(new Set(["@trpc/client", "@trpc/server/observable"]));
  });
});

describe("an outside TypeScript app", () => {
  const sessionId = "client-app-session";

  beforeAll(async () => {
    app = path.join(workDir, "app");
    await mkdir(app);
    for (const file of await readdir(appSources)) await cp(path.join(appSources, file), path.join(app, file));
    await writeFile(
      path.join(app, "package.json"),
      JSON.stringify({ name: "scratch-app", private: true, type: "module" }),
    );
    await npm(
      [
        "install",
        tarball,
        `typescript@${serverVersionOf("typescript")}`,
        `@types/node@${serverVersionOf("@types/node")}`,
        // tRPC's own declarations (its WebSocket link) import `ws`; 8.5.14 and later break them.
        "@types/ws@8.5.13",
      ],
      app,
    );
  }, 180_000);

  test("installs without React", async () => {
    expect(await exists(path.join(app, "node_modules", "@engram", "client", "dist", "index.d.ts"))).toBe(
      true,
    );
    expect(await exists(path.join(app, "node_modules", "@trpc", "client"))).toBe(true);
    expect(await exists(path.join(app, "node_modules", "react"))).toBe(false);
    expect(await exists(path.join(app, "node_modules", "@tanstack"))).toBe(false);
  });

  test("type-checks with --strict and skipLibCheck off, every wrong call flagged", async () => {
    const result = await typeCheck(app, "tsconfig.json");
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
  });

  test("each flagged line is an error of its own once its directive is gone", async () => {
    const source = await readFile(path.join(app, "wrong-calls.ts"), "utf8");
    const lines = source.split("\n");
    const expected = lines.flatMap((line, index) => (line.includes("@ts-expect-error") ? [index + 2] : []));
    expect(expected.length).toBeGreaterThanOrEqual(12);
    await writeFile(path.join(app, "bare.ts"), source.replaceAll("@ts-expect-error", "expected error:"));
    await writeFile(
      path.join(app, "tsconfig.bare.json"),
      JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { noEmit: true }, files: ["bare.ts"] }),
    );
    const result = await typeCheck(app, "tsconfig.bare.json");
    expect(result.code).not.toBe(0);
    const errorLines = [...result.output.matchAll(/^bare\.ts\((\d+),\d+\): error/gm)].map((match) =>
      Number(match[1]),
    );
    expect(new Set(errorLines)).toEqual(new Set(expected));
  });

  test("runs against Engram: adds memory, reads it, searches, and gets typed errors", async () => {
    const { stdout } = await run(process.execPath, [path.join(app, "out", "main.js")], {
      cwd: app,
      env: cleanEnv({ ENGRAM_URL: server.url, ENGRAM_API_KEY: server.apiKey, ENGRAM_SESSION: sessionId }),
    });
    const result = JSON.parse(stdout);

    expect(result.added).toMatchObject({ session_id: sessionId, added: 2 });
    expect(result.added.message_uuids).toHaveLength(2);
    expect(result.memory.memory_type).toBe("perpetual");
    expect(
      result.memory.messages.map((message: { role_type: string; content: string }) => [
        message.role_type,
        message.content,
      ]),
    ).toEqual([
      ["user", "I'm flying to Lisbon on Friday."],
      ["assistant", "Lovely! Pack for warm weather."],
    ]);
    expect(result.hits.length).toBeGreaterThanOrEqual(1);
    expect(result.hits[0].session_id).toBe(sessionId);
    expect(result.hits[0].message.content).toBe("I'm flying to Lisbon on Friday.");
    // The three calls of a turn; the key and the app's own header went with them.
    expect(result.turnRequests).toBe(3);
    expect(result.sentHeaders.authorization).toBe(`Bearer ${server.apiKey}`);
    expect(result.sentHeaders.app).toBe("scratch");
    expect(result.sentHeaders.url).toMatch(new RegExp(`^${server.url}/api/trpc/memory\\.add`));
    expect(result.batchedRequests).toBe(1);
    expect(result.unbatchedRequests).toBe(3);

    const failure = (code: string, httpStatus?: number) => ({
      thrown: true,
      engramClientError: true,
      code,
      ...(httpStatus === undefined ? {} : { httpStatus }),
    });
    expect(result.notFound).toEqual(failure("NOT_FOUND", 404));
    expect(result.conflict).toEqual(failure("CONFLICT", 409));
    expect(result.badRequest).toEqual(failure("BAD_REQUEST", 400));
    expect(result.unauthorized).toEqual(failure("UNAUTHORIZED", 401));
    expect(result.timeout).toEqual(failure("TIMEOUT"));
    expect(result.timeoutAfterMs).toBeGreaterThanOrEqual(250);
    expect(result.aborted).toEqual(failure("CLIENT_CLOSED_REQUEST"));
    expect(result.unreachable).toEqual(failure("NETWORK_ERROR"));
  });

  test("with React and TanStack Query: type-checks and renders memory from Engram", async () => {
    await npm(
      [
        "install",
        ...[
          "react",
          "react-dom",
          "@tanstack/react-query",
          "@trpc/tanstack-react-query",
          "@types/react",
          "@types/react-dom",
        ].map((name) => `${name}@${serverVersionOf(name)}`),
      ],
      app,
    );
    const result = await typeCheck(app, "tsconfig.react.json");
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
    const { stdout } = await run(process.execPath, [path.join(app, "out", "react-app.js")], {
      cwd: app,
      env: cleanEnv({ ENGRAM_URL: server.url, ENGRAM_API_KEY: server.apiKey, ENGRAM_SESSION: sessionId }),
    });
    expect(stdout).toContain("<li>user<!-- -->: <!-- -->I&#x27;m flying to Lisbon on Friday.</li>");
    expect(stdout).toContain("<li>assistant<!-- -->: <!-- -->Lovely! Pack for warm weather.</li>");
  }, 180_000);
});
