import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { resetConfig } from "@/server/config";
import { createAccountInput, firstAdminInput } from "@/server/schemas/accounts";
import {
  createAccount,
  createFirstAdmin,
  hashPassword,
  SESSION_COOKIE,
  verifyPassword,
} from "@/server/services/accounts";
import { CSRF_HEADER, createContext } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";
import { backends, callerFor, useTestDatabase } from "./support/databases";

const password = "correct horse battery";
const bootstrap = { accountId: null, actor: "api-key:test" };

/** A tRPC caller for a browser request carrying these headers. */
async function browser(db: Db, headers: Record<string, string> = {}) {
  return createCaller(await createContext(db, new Headers(headers)));
}

/** Signs in through tRPC and returns the cookie the browser would keep, and its Set-Cookie header. */
async function signInCookie(db: Db, email: string, secret = password) {
  const context = await createContext(db, new Headers({ [CSRF_HEADER]: "1" }), { secure: true });
  await createCaller(context).accounts.signIn({ email, password: secret });
  const setCookie = context.responseHeaders.get("set-cookie")!;
  return { setCookie, cookie: setCookie.split(";")[0]! };
}

describe("password hashing", () => {
  it("salts each hash and verifies only the right password", async () => {
    const first = await hashPassword(password);
    const second = await hashPassword(password);
    expect(first).not.toEqual(second);
    expect(first).not.toContain(password);
    expect(await verifyPassword(password, first)).toBe(true);
    expect(await verifyPassword("wrong password!", first)).toBe(false);
    expect(await verifyPassword(password, "garbage")).toBe(false);
  });
});

describe.each(backends)("accounts on %s", (backend) => {
  const t = useTestDatabase(backend, `accounts_${backend}`);

  it("creates the first admin once, even when two requests race", async () => {
    const api = await browser(t.db, { [CSRF_HEADER]: "1" });
    expect(await api.accounts.status()).toEqual({ needs_setup: true });
    const results = await Promise.allSettled([
      createFirstAdmin(t.db, firstAdminInput.parse({ email: "a@example.com", password })),
      createFirstAdmin(t.db, firstAdminInput.parse({ email: "b@example.com", password })),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await api.accounts.status()).toEqual({ needs_setup: false });
    await expect(api.accounts.setup({ email: "c@example.com", password })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("signs in with a secure cookie whose token is stored only hashed", async () => {
    await createFirstAdmin(
      t.db,
      firstAdminInput.parse({ email: "Admin@Example.com", name: "Ada", password }),
    );
    const { setCookie, cookie } = await signInCookie(t.db, "admin@example.com");
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[\\w-]{40,};`));
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    expect(setCookie).toContain("Secure");
    const token = cookie.split("=")[1]!;
    const stored = JSON.stringify(await t.db.query.accountSessions.findMany());
    expect(stored).not.toContain(token);

    const signedIn = await browser(t.db, { cookie, [CSRF_HEADER]: "1" });
    expect(await signedIn.accounts.me()).toMatchObject({ email: "admin@example.com", role: "admin" });

    // Without the CSRF header the cookie is not enough.
    const forged = await browser(t.db, { cookie });
    await expect(forged.accounts.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    await signedIn.accounts.signOut();
    const afterSignOut = await browser(t.db, { cookie, [CSRF_HEADER]: "1" });
    await expect(afterSignOut.accounts.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuses wrong passwords, unknown emails, disabled accounts and sign-in without the CSRF header", async () => {
    await createFirstAdmin(t.db, firstAdminInput.parse({ email: "admin@example.com", password }));
    const api = await browser(t.db, { [CSRF_HEADER]: "1" });
    await expect(
      api.accounts.signIn({ email: "admin@example.com", password: "not the password" }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(api.accounts.signIn({ email: "nobody@example.com", password })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    const noHeader = await browser(t.db);
    await expect(noHeader.accounts.signIn({ email: "admin@example.com", password })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const support = await createAccount(
      t.db,
      createAccountInput.parse({ email: "s@example.com", password, role: "support" }),
      bootstrap,
    );
    const { cookie } = await signInCookie(t.db, "s@example.com");
    const admin = await callerFor(t.db, {
      kind: "account",
      accountId: 1,
      email: "admin@example.com",
      role: "admin",
    });
    await admin.accounts.update({ id: support.id, disabled: true });
    const disabled = await browser(t.db, { cookie, [CSRF_HEADER]: "1" });
    await expect(disabled.accounts.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(api.accounts.signIn({ email: "s@example.com", password })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("enforces roles on the server: support annotates but cannot delete or manage keys", async () => {
    const admin = await createFirstAdmin(
      t.db,
      firstAdminInput.parse({ email: "admin@example.com", password }),
    );
    const adminApi = await callerFor(t.db, {
      kind: "account",
      accountId: admin.id,
      email: admin.email,
      role: "admin",
    });
    await adminApi.accounts.create({ email: "support@example.com", password, role: "support" });
    await adminApi.accounts.create({ email: "op@example.com", password, role: "operator" });
    await expect(
      adminApi.accounts.create({ email: "SUPPORT@example.com", password, role: "operator" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await adminApi.memory.add({ sessionId: "s1", messages: [{ role: "Jane", content: "Hi" }] });

    const { cookie } = await signInCookie(t.db, "support@example.com");
    const support = await browser(t.db, { cookie, [CSRF_HEADER]: "1" });
    const updated = await support.sessions.annotate({
      sessionId: "s1",
      patch: { metadata: { flag: "reviewed", draft: true } },
    });
    expect(updated.metadata).toEqual({ flag: "reviewed", draft: true });
    const removed = await support.sessions.annotate({
      sessionId: "s1",
      patch: { remove_metadata_keys: ["draft"] },
    });
    expect(removed.metadata).toEqual({ flag: "reviewed" });
    await expect(
      support.sessions.update({ sessionId: "s1", patch: { memory_type: "perpetual" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await adminApi.users.create({ user_id: "u1", email: "u1@example.com" });
    await expect(
      support.users.update({ userId: "u1", patch: { email: "changed@example.com" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await support.users.annotate({ userId: "u1", patch: { metadata: { vip: true } } })).email).toBe(
      "u1@example.com",
    );
    await expect(support.memory.delete({ sessionId: "s1" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(support.apiKeys.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(support.accounts.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      support.memory.add({ sessionId: "s1", messages: [{ role: "x", content: "y" }] }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const history = await support.audit.metadataHistory({ entity_type: "session", entity_id: "s1" });
    expect(history.changes.map((change) => [change.actor, change.before, change.after])).toEqual(
      expect.arrayContaining([
        ["account:support@example.com", {}, { flag: "reviewed", draft: true }],
        ["account:support@example.com", { flag: "reviewed", draft: true }, { flag: "reviewed" }],
      ]),
    );

    const operator = await browser(t.db, {
      cookie: (await signInCookie(t.db, "op@example.com")).cookie,
      [CSRF_HEADER]: "1",
    });
    await expect(operator.apiKeys.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await operator.memory.delete({ sessionId: "s1" });
    await expect(operator.sessions.get({ sessionId: "s1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("slows down repeated failed sign-ins for an email", async () => {
    await createFirstAdmin(t.db, firstAdminInput.parse({ email: "admin@example.com", password }));
    const api = await browser(t.db, { [CSRF_HEADER]: "1" });
    const email = `target-${backend}@example.com`;
    for (let attempt = 0; attempt < 5; attempt++) {
      await expect(api.accounts.signIn({ email, password: "guess-guess-guess" })).rejects.toMatchObject({
        code: "UNAUTHORIZED",
      });
    }
    await expect(api.accounts.signIn({ email, password: "guess-guess-guess" })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    // Other accounts are unaffected.
    await expect(api.accounts.signIn({ email: "admin@example.com", password })).resolves.toMatchObject({
      role: "admin",
    });
  });

  it("keeps the last admin: no self-demotion and no demoting the only admin", async () => {
    const admin = await createFirstAdmin(
      t.db,
      firstAdminInput.parse({ email: "admin@example.com", password }),
    );
    const api = await callerFor(t.db, {
      kind: "account",
      accountId: admin.id,
      email: admin.email,
      role: "admin",
    });
    await expect(api.accounts.update({ id: admin.id, role: "support" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      api.accounts.create({ email: "x@example.com", password: "short", role: "support" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await api.accounts.list()).toHaveLength(1);
  });

  it("browses sessions by content, user and metadata with keyset pages", async () => {
    const api = await callerFor(t.db);
    await api.users.create({ user_id: "jane", email: "jane@example.com", first_name: "Jane" });
    for (let i = 0; i < 5; i++) {
      await api.sessions.create({ session_id: `s${i}`, user_id: i % 2 ? "jane" : null, metadata: { n: i } });
      await api.memory.add({
        sessionId: `s${i}`,
        messages: [{ role: "u", content: `message about ${i ? "pears" : "apples"}` }],
      });
    }
    const byContent = await api.dashboard.sessions({ query: "apples" });
    expect(byContent.sessions.map((s) => s.session_id)).toEqual(["s0"]);
    await api.memory.add({ sessionId: "s3", messages: [{ role: "u", content: "bananas later on" }] });
    const byLaterMessage = await api.dashboard.sessions({ query: "bananas" });
    expect(byLaterMessage.sessions.map((s) => s.session_id)).toEqual(["s3"]);
    const byUser = await api.dashboard.sessions({ user_id: "jane", sort: "session_id", order: "asc" });
    expect(byUser.sessions.map((s) => s.session_id)).toEqual(["s1", "s3"]);
    expect(byUser.sessions[0]!.user?.email).toBe("jane@example.com");
    expect((await api.dashboard.sessions({ query: "Jane" })).sessions).toHaveLength(2);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.dashboard.sessions({ limit: 2, cursor, sort: "last_activity" });
      seen.push(...page.sessions.map((s) => s.session_id));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(["s3", "s4", "s2", "s1", "s0"]);
    await expect(api.dashboard.sessions({ cursor: "nonsense" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    await api.users.create({ user_id: "bob", metadata: { team: "billing" } });
    const found = await api.dashboard.users({ query: "BILLING" });
    expect(found.users.map((u) => [u.user_id, u.session_count])).toEqual([["bob", 0]]);
    const firstPage = await api.dashboard.users({ limit: 1 });
    expect(firstPage.users.map((u) => u.user_id)).toEqual(["bob"]);
    const secondPage = await api.dashboard.users({ limit: 1, cursor: firstPage.next_cursor! });
    expect(secondPage.users.map((u) => [u.user_id, u.session_count])).toEqual([["jane", 2]]);
    expect(secondPage.next_cursor).toBeNull();

    const stats = await api.dashboard.overview({ days: 7 });
    expect(stats.counts).toMatchObject({ users: 2, sessions: 5, messages: 6 });
    expect(stats.activity).toHaveLength(7);
    expect(stats.activity.at(-1)!.messages).toBe(6);
  });

  it("shows configuration to admins only, with secrets redacted", async () => {
    const secrets = {
      ENGRAM_SUMMARIZER_API_KEY: "sk-very-secret-value",
      DATABASE_URL: "postgres://app:hunter2@db.example:5432/engram",
    };
    const saved = Object.fromEntries(Object.keys(secrets).map((key) => [key, process.env[key]]));
    Object.assign(process.env, secrets);
    resetConfig();
    try {
      const admin = await callerFor(t.db, {
        kind: "account",
        accountId: 1,
        email: "a@example.com",
        role: "admin",
      });
      const entries = await admin.dashboard.configuration();
      const shown = JSON.stringify(entries);
      expect(shown).not.toContain("sk-very-secret-value");
      expect(shown).not.toContain("hunter2");
      expect(entries).toContainEqual({ name: "ENGRAM_SUMMARIZER_API_KEY", value: "set (hidden)" });
      expect(entries).toContainEqual({ name: "ENGRAM_MEMORY_WINDOW", value: "12" });
      expect(entries.find((entry) => entry.name === "DATABASE_URL")?.value).toBe(
        "postgres://db.example:5432/engram",
      );
      const operator = await callerFor(t.db, {
        kind: "account",
        accountId: 2,
        email: "o@example.com",
        role: "operator",
      });
      await expect(operator.dashboard.configuration()).rejects.toMatchObject({ code: "FORBIDDEN" });
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      resetConfig();
    }
  });
  it("lets any signed-in account change its own password: the current one is required, other sign-ins end", async () => {
    await createFirstAdmin(t.db, firstAdminInput.parse({ email: "admin@example.com", password }));
    const email = "changer@example.com";
    await createAccount(t.db, createAccountInput.parse({ email, password, role: "support" }), bootstrap);
    const here = await signInCookie(t.db, email);
    const elsewhere = await signInCookie(t.db, email);
    const api = await browser(t.db, { cookie: here.cookie, [CSRF_HEADER]: "1" });
    const newPassword = "a much longer secret";

    await expect(
      api.accounts.changePassword({
        current_password: "not the password",
        new_password: newPassword,
        confirm_password: newPassword,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "the current password is wrong" });
    await expect(
      api.accounts.changePassword({
        current_password: password,
        new_password: newPassword,
        confirm_password: "something else entirely",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      api.accounts.changePassword({
        current_password: password,
        new_password: "short",
        confirm_password: "short",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Nothing changed yet: both sign-ins still work with the old password.
    expect(
      await (await browser(t.db, { cookie: elsewhere.cookie, [CSRF_HEADER]: "1" })).accounts.me(),
    ).toMatchObject({
      email,
    });

    await api.accounts.changePassword({
      current_password: password,
      new_password: newPassword,
      confirm_password: newPassword,
    });
    expect(await api.accounts.me()).toMatchObject({ email });
    const other = await browser(t.db, { cookie: elsewhere.cookie, [CSRF_HEADER]: "1" });
    await expect(other.accounts.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const signInApi = await browser(t.db, { [CSRF_HEADER]: "1" });
    await expect(signInApi.accounts.signIn({ email, password })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(signInApi.accounts.signIn({ email, password: newPassword })).resolves.toMatchObject({
      email,
    });

    // An API key is no account: it has no own password to change.
    const app = await callerFor(t.db);
    await expect(
      app.accounts.changePassword({
        current_password: password,
        new_password: newPassword,
        confirm_password: newPassword,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const admin = await callerFor(t.db, {
      kind: "account",
      accountId: 1,
      email: "admin@example.com",
      role: "admin",
    });
    const history = await admin.accounts.history({});
    expect(history.changes[0]).toMatchObject({
      account_email: email,
      action: "password_changed",
      actor: email,
      before: null,
      after: null,
    });
    const stored = JSON.stringify(await t.db.query.accountChanges.findMany());
    expect(stored).not.toContain(newPassword);
    expect(stored).not.toContain("scrypt$");
  });

  it("lets only admins reset another account's password, ending that account's sign-ins, with an audit", async () => {
    const admin = await createFirstAdmin(
      t.db,
      firstAdminInput.parse({ email: "admin@example.com", name: "Ada", password }),
    );
    const adminApi = await callerFor(t.db, {
      kind: "account",
      accountId: admin.id,
      email: admin.email,
      role: "admin",
    });
    const target = await adminApi.accounts.create({
      email: "forgot@example.com",
      password,
      role: "operator",
    });
    const operator = await adminApi.accounts.create({ email: "op@example.com", password, role: "operator" });
    const support = await adminApi.accounts.create({ email: "help@example.com", password, role: "support" });
    const { cookie } = await signInCookie(t.db, target.email);
    const newPassword = "reset by the admin 1";

    for (const other of [operator, support]) {
      const api = await callerFor(t.db, {
        kind: "account",
        accountId: other.id,
        email: other.email,
        role: other.role,
      });
      await expect(
        api.accounts.resetPassword({ id: target.id, new_password: newPassword }),
      ).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(
      adminApi.accounts.resetPassword({ id: target.id, new_password: "short" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      adminApi.accounts.resetPassword({ id: 9999, new_password: newPassword }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      adminApi.accounts.resetPassword({ id: admin.id, new_password: newPassword }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    // The refused attempts changed nothing.
    expect(await (await browser(t.db, { cookie, [CSRF_HEADER]: "1" })).accounts.me()).toMatchObject({
      email: target.email,
    });

    await adminApi.accounts.resetPassword({ id: target.id, new_password: newPassword });
    await expect((await browser(t.db, { cookie, [CSRF_HEADER]: "1" })).accounts.me()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    const signInApi = await browser(t.db, { [CSRF_HEADER]: "1" });
    await expect(
      signInApi.accounts.signIn({ email: target.email, password: newPassword }),
    ).resolves.toMatchObject({
      email: target.email,
    });

    await adminApi.accounts.update({ id: target.id, role: "support" });
    await adminApi.accounts.update({ id: target.id, disabled: true });
    const history = await adminApi.accounts.history({ limit: 3 });
    expect(history.changes.map((change) => [change.account_email, change.action, change.actor])).toEqual([
      [target.email, "disabled", "Ada"],
      [target.email, "role_changed", "Ada"],
      [target.email, "password_reset", "Ada"],
    ]);
    expect(history.changes[1]).toMatchObject({ before: { role: "operator" }, after: { role: "support" } });
    const rest = await adminApi.accounts.history({ cursor: history.next_cursor! });
    expect(rest.changes.map((change) => change.action)).toEqual(["created", "created", "created", "created"]);
    expect(rest.next_cursor).toBeNull();
    const supportApi = await callerFor(t.db, {
      kind: "account",
      accountId: support.id,
      email: support.email,
      role: "support",
    });
    await expect(supportApi.accounts.history({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
  it("shows a model name only where a configured provider uses it", async () => {
    const admin = await callerFor(t.db, {
      kind: "account",
      accountId: 1,
      email: "a@example.com",
      role: "admin",
    });
    const modelsUnder = async (env: Record<string, string | undefined>) => {
      const names = [
        "ENGRAM_SUMMARIZER_PROVIDER",
        "ENGRAM_SUMMARIZER_BASE_URL",
        "ENGRAM_SUMMARIZER_MODEL",
        "ENGRAM_EMBEDDINGS_BASE_URL",
        "ENGRAM_EMBEDDINGS_MODEL",
        "ENGRAM_FACTS",
        "ENGRAM_FACTS_BASE_URL",
        "ENGRAM_FACTS_MODEL",
      ];
      const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
      for (const name of names) {
        if (env[name] === undefined) delete process.env[name];
        else process.env[name] = env[name];
      }
      resetConfig();
      try {
        const entries = await admin.dashboard.configuration();
        return Object.fromEntries(
          entries.filter((entry) => entry.name.endsWith("_MODEL")).map((entry) => [entry.name, entry.value]),
        );
      } finally {
        for (const [name, value] of Object.entries(saved)) {
          if (value === undefined) delete process.env[name];
          else process.env[name] = value;
        }
        resetConfig();
      }
    };

    // Nothing configured: the extractive summarizer, lexical search, no facts.
    const bare = await modelsUnder({
      ENGRAM_SUMMARIZER_MODEL: "summary-model",
      ENGRAM_EMBEDDINGS_MODEL: "embed-model",
    });
    expect(JSON.stringify(bare)).not.toMatch(/summary-model|embed-model|gpt|text-embedding/);
    expect(bare.ENGRAM_SUMMARIZER_MODEL).toMatch(/^not in use: .*extractive/);
    expect(bare.ENGRAM_EMBEDDINGS_MODEL).toMatch(/^not in use: no embeddings provider/);
    expect(bare.ENGRAM_FACTS_MODEL).toMatch(/^not in use: fact extraction is off/);

    // Every provider configured: each model is shown.
    const full = await modelsUnder({
      ENGRAM_SUMMARIZER_BASE_URL: "http://llm.example/v1",
      ENGRAM_SUMMARIZER_MODEL: "summary-model",
      ENGRAM_EMBEDDINGS_BASE_URL: "http://embed.example/v1",
      ENGRAM_EMBEDDINGS_MODEL: "embed-model",
      ENGRAM_FACTS_MODEL: "facts-model",
    });
    expect(full).toEqual({
      ENGRAM_SUMMARIZER_MODEL: "summary-model",
      ENGRAM_EMBEDDINGS_MODEL: "embed-model",
      ENGRAM_FACTS_MODEL: "facts-model",
    });

    // The LLM summarizer with facts switched off: no facts model, even one that is set.
    const factsOff = await modelsUnder({
      ENGRAM_SUMMARIZER_BASE_URL: "http://llm.example/v1",
      ENGRAM_FACTS: "off",
      ENGRAM_FACTS_MODEL: "facts-model",
    });
    expect(factsOff.ENGRAM_SUMMARIZER_MODEL).toBe("gpt-4o-mini");
    expect(factsOff.ENGRAM_FACTS_MODEL).toBe("not in use: fact extraction is off (ENGRAM_FACTS is off)");

    // Facts on their own endpoint with no model of their own borrow the summarizer's model name.
    const borrowed = await modelsUnder({
      ENGRAM_FACTS_BASE_URL: "http://facts.example/v1",
      ENGRAM_SUMMARIZER_MODEL: "summary-model",
    });
    expect(borrowed.ENGRAM_SUMMARIZER_MODEL).toBe("summary-model");
    expect(borrowed.ENGRAM_FACTS_MODEL).toBe("not set: facts use ENGRAM_SUMMARIZER_MODEL (summary-model)");
  });
});
