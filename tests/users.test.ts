import { describe, expect, it } from "vitest";
import { backends, callerFor, useTestDatabase } from "./support/databases";

describe.each(backends)("users on %s", (backend) => {
  const t = useTestDatabase(backend, `users_${backend}`);

  it("creates a user and gets it back", async () => {
    const api = await callerFor(t.db);
    const created = await api.users.create({
      user_id: "jane",
      email: "jane@example.com",
      first_name: "Jane",
      last_name: "Doe",
      metadata: { plan: "pro" },
    });
    expect(created).toMatchObject({
      user_id: "jane",
      email: "jane@example.com",
      first_name: "Jane",
      last_name: "Doe",
      metadata: { plan: "pro" },
    });
    expect(created.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(created.updated_at)).toBeGreaterThanOrEqual(Date.parse(created.created_at));
    expect(new Date(created.created_at).getUTCFullYear()).toBeGreaterThan(2000);
    expect(await api.users.get({ userId: "jane" })).toEqual(created);

    const bare = await api.users.create({ user_id: "bare" });
    expect(bare).toMatchObject({ email: null, first_name: null, last_name: null, metadata: {} });
  });

  it("refuses a user id that exists, keeping the first user", async () => {
    const api = await callerFor(t.db);
    await api.users.create({ user_id: "jane", email: "first@example.com" });
    await expect(api.users.create({ user_id: "jane", email: "second@example.com" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already exists"),
    });
    expect((await api.users.get({ userId: "jane" })).email).toBe("first@example.com");
  });

  it("is NOT_FOUND for an unknown user", async () => {
    const api = await callerFor(t.db);
    await expect(api.users.get({ userId: "ghost" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining("ghost"),
    });
    await expect(
      api.users.update({ userId: "ghost", patch: { email: "x@example.com" } }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(api.users.delete({ userId: "ghost" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.users.sessions({ userId: "ghost" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("updates the fields it is given and leaves the others", async () => {
    const api = await callerFor(t.db);
    await api.users.create({
      user_id: "jane",
      email: "jane@example.com",
      first_name: "Jane",
      last_name: "Doe",
    });
    const updated = await api.users.update({ userId: "jane", patch: { first_name: "Janet", email: null } });
    expect(updated).toMatchObject({ user_id: "jane", first_name: "Janet", last_name: "Doe", email: null });
    expect(await api.users.get({ userId: "jane" })).toEqual(updated);
  });

  it("deletes a user with their sessions, and lets the id be used again afresh", async () => {
    const api = await callerFor(t.db);
    await api.users.create({ user_id: "jane", metadata: { old: true } });
    await api.users.create({ user_id: "john" });
    await api.sessions.create({ session_id: "jane-1", user_id: "jane" });
    await api.sessions.create({ session_id: "jane-2", user_id: "jane" });
    await api.sessions.create({ session_id: "john-1", user_id: "john" });
    await api.memory.add({ sessionId: "jane-1", messages: [{ role: "Jane", content: "hello" }] });
    await api.memory.add({ sessionId: "john-1", messages: [{ role: "John", content: "hi" }] });

    await api.users.delete({ userId: "jane" });
    await expect(api.users.get({ userId: "jane" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.sessions.get({ sessionId: "jane-1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.sessions.get({ sessionId: "jane-2" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.memory.get({ sessionId: "jane-1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await api.sessions.list({})).map((s) => s.session_id)).toEqual(["john-1"]);
    expect((await api.memory.get({ sessionId: "john-1" })).messages.map((m) => m.content)).toEqual(["hi"]);
    expect((await api.users.list({})).map((u) => u.user_id)).toEqual(["john"]);

    const again = await api.users.create({ user_id: "jane" });
    expect(again.metadata).toEqual({});
    expect(await api.users.sessions({ userId: "jane" })).toEqual([]);
  });

  it("lists users a page at a time with a keyset cursor", async () => {
    const api = await callerFor(t.db);
    for (const userId of ["u1", "u2", "u3", "u4", "u5"]) await api.users.create({ user_id: userId });
    await api.users.delete({ userId: "u3" });

    const seen: string[] = [];
    let cursor = 0;
    for (;;) {
      const page = await api.users.list({ limit: 2, cursor });
      if (page.length === 0) break;
      expect(page.length).toBeLessThanOrEqual(2);
      seen.push(...page.map((u) => u.user_id));
      cursor = page[page.length - 1]!.id;
    }
    expect(seen).toEqual(["u1", "u2", "u4", "u5"]);
    expect((await api.users.list({})).map((u) => u.user_id)).toEqual(["u1", "u2", "u4", "u5"]);

    // A user created after a page was read still shows up on later pages: the cursor is an id, not an offset.
    const first = await api.users.list({ limit: 2 });
    await api.users.create({ user_id: "u6" });
    const rest = await api.users.list({ limit: 10, cursor: first[1]!.id });
    expect(rest.map((u) => u.user_id)).toEqual(["u4", "u5", "u6"]);
  });

  it("lists a user's live sessions", async () => {
    const api = await callerFor(t.db);
    await api.users.create({ user_id: "jane" });
    await api.users.create({ user_id: "john" });
    await api.sessions.create({ session_id: "a", user_id: "jane" });
    await api.sessions.create({ session_id: "b", user_id: "john" });
    await api.sessions.create({ session_id: "c", user_id: "jane", metadata: { kind: "support" } });
    await api.sessions.create({ session_id: "d", user_id: "jane" });
    await api.memory.delete({ sessionId: "d" });

    const sessions = await api.users.sessions({ userId: "jane" });
    expect(sessions.map((s) => [s.session_id, s.user_id])).toEqual([
      ["a", "jane"],
      ["c", "jane"],
    ]);
    expect(sessions[1]!.metadata).toEqual({ kind: "support" });
  });
});
