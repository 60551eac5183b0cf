import { describe, expect, it } from "vitest";
import { resetConfig } from "@/server/config";
import { backends, callerFor, useTestDatabase } from "./support/databases";

type Api = Awaited<ReturnType<typeof callerFor>>;

const badRequest = (fragment: string) =>
  expect.objectContaining({ code: "BAD_REQUEST", message: expect.stringContaining(fragment) });

/** Casts a deliberately ill-typed value past the compiler, as a client in another language might send it. */
const raw = <T>(value: unknown) => value as T;

type AddInput = Parameters<Api["memory"]["add"]>[0];

describe.each(backends)("bad input on %s", (backend) => {
  const t = useTestDatabase(backend, `bad_input_${backend}`);

  async function expectNoSession(api: Api, sessionId: string) {
    await expect(api.sessions.get({ sessionId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  }

  /** Sets up a session with one message, to check a refused call leaves it as it was. */
  async function existingSession(api: Api) {
    await api.sessions.create({ session_id: "existing", metadata: { a: 1 } });
    await api.memory.add({ sessionId: "existing", messages: [{ role: "x", content: "kept" }] });
    return api.sessions.get({ sessionId: "existing" });
  }

  async function expectUnchanged(api: Api, before: Awaited<ReturnType<typeof existingSession>>) {
    expect(await api.sessions.get({ sessionId: "existing" })).toEqual(before);
    const memory = await api.memory.get({ sessionId: "existing" });
    expect(memory.messages.map((m) => m.content)).toEqual(["kept"]);
  }

  it("refuses an unauthenticated caller and writes nothing", async () => {
    const anonymous = await callerFor(t.db, null);
    const unauthorized = expect.objectContaining({
      code: "UNAUTHORIZED",
      message: expect.stringContaining("Bearer"),
    });
    await expect(
      anonymous.memory.add({ sessionId: "s", messages: [{ role: "x", content: "hi" }] }),
    ).rejects.toEqual(unauthorized);
    await expect(anonymous.memory.get({ sessionId: "s" })).rejects.toEqual(unauthorized);
    await expect(anonymous.users.create({ user_id: "jane" })).rejects.toEqual(unauthorized);
    await expect(anonymous.users.list({})).rejects.toEqual(unauthorized);
    await expect(anonymous.sessions.create({ session_id: "s" })).rejects.toEqual(unauthorized);
    await expect(anonymous.sessions.list({})).rejects.toEqual(unauthorized);
    await expect(anonymous.messages.list({ sessionId: "s" })).rejects.toEqual(unauthorized);

    const api = await callerFor(t.db);
    await expectNoSession(api, "s");
    expect(await api.users.list({})).toEqual([]);
  });

  it("refuses empty, padded, over-long and NUL-bearing ids", async () => {
    const api = await callerFor(t.db);
    const message = [{ role: "x", content: "hi" }];
    await expect(api.memory.add({ sessionId: "", messages: message })).rejects.toEqual(
      badRequest("session_id must not be empty"),
    );
    await expect(api.memory.add({ sessionId: " s ", messages: message })).rejects.toEqual(
      badRequest("must not start or end with whitespace"),
    );
    await expect(api.memory.add({ sessionId: "s".repeat(257), messages: message })).rejects.toEqual(
      badRequest("at most 256 characters"),
    );
    await expect(api.memory.add({ sessionId: "s\u0000", messages: message })).rejects.toEqual(
      badRequest("must not contain NUL characters"),
    );
    await expect(api.memory.get({ sessionId: "" })).rejects.toEqual(
      badRequest("session_id must not be empty"),
    );
    await expect(api.sessions.create({ session_id: "" })).rejects.toEqual(
      badRequest("session_id must not be empty"),
    );
    await expect(api.users.create({ user_id: "" })).rejects.toEqual(badRequest("user_id must not be empty"));
    await expect(api.users.create({ user_id: "u\u0000" })).rejects.toEqual(badRequest("NUL"));
    await expect(api.sessions.create({ session_id: "s", user_id: "" })).rejects.toEqual(
      badRequest("user_id must not be empty"),
    );

    expect(await api.sessions.list({})).toEqual([]);
    expect(await api.users.list({})).toEqual([]);
  });

  it("refuses wrong types with a message naming the field, writing nothing", async () => {
    const api = await callerFor(t.db);
    const before = await existingSession(api);
    const cases: [AddInput["messages"], string][] = [
      [raw([{ role: "x", content: 42 }]), "content must be a string"],
      [raw([{ role: null, content: "hi" }]), "messages.0.role"],
      [raw([{ content: "hi" }]), "messages.0.role"],
      [raw([{ role: "x", content: "hi", role_type: "robot" }]), "role_type must be one of"],
      [raw([{ role: "x", content: "hi", metadata: ["tag"] }]), "metadata must be a JSON object"],
      [raw([{ role: "x", content: "hi", uuid: "123" }]), "must be a UUID"],
      [raw([{ role: "x", content: "ok" }, "hello"]), "messages.1"],
      [raw("hello"), "messages must be an array"],
    ];
    for (const [messages, fragment] of cases) {
      for (const sessionId of ["new", "existing"]) {
        await expect(api.memory.add({ sessionId, messages }), fragment).rejects.toEqual(badRequest(fragment));
      }
    }
    await expectNoSession(api, "new");
    await expectUnchanged(api, before);

    await expect(api.memory.get({ sessionId: "existing", lastn: raw("many") })).rejects.toEqual(
      badRequest("lastn must be a number"),
    );
    await expect(api.memory.get({ sessionId: "existing", memoryType: raw("all") })).rejects.toEqual(
      badRequest("memory type must be one of"),
    );
    await expect(api.users.create({ user_id: "jane", email: raw(5) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(api.users.get({ userId: "jane" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses an empty or oversized batch, writing nothing", async () => {
    const api = await callerFor(t.db);
    const before = await existingSession(api);
    for (const sessionId of ["new", "existing"]) {
      await expect(api.memory.add({ sessionId, messages: [] })).rejects.toEqual(
        badRequest("messages must hold at least one message"),
      );
      const tooMany = Array.from({ length: 1001 }, () => ({ role: "x", content: "hi" }));
      await expect(api.memory.add({ sessionId, messages: tooMany })).rejects.toEqual(
        badRequest("at most 1000 messages per call"),
      );
    }
    await expectNoSession(api, "new");
    await expectUnchanged(api, before);
  });

  it("refuses content over ENGRAM_MAX_MESSAGE_CHARS, writing nothing of the batch", async () => {
    const api = await callerFor(t.db);
    const before = await existingSession(api);
    const tooLong = "x".repeat(262_145);
    for (const sessionId of ["new", "existing"]) {
      await expect(
        api.memory.add({
          sessionId,
          messages: [
            { role: "x", content: "fine" },
            { role: "x", content: tooLong },
          ],
        }),
      ).rejects.toEqual(badRequest("content is 262145 characters; the limit is 262144"));
    }
    await expectNoSession(api, "new");
    await expectUnchanged(api, before);

    const atLimit = await api.memory.add({
      sessionId: "new",
      messages: [{ role: "x", content: "x".repeat(262_144) }],
    });
    expect(atLimit.added).toBe(1);
    // One unbroken 256 KiB word: counted (8 x's per cl100k token) without stalling the call.
    const stored = await api.messages.get({ sessionId: "new", uuid: atLimit.message_uuids[0]! });
    expect(stored.token_count).toBe(32_768);
  });

  it("follows a configured ENGRAM_MAX_MESSAGE_CHARS", async () => {
    const api = await callerFor(t.db);
    const previous = process.env.ENGRAM_MAX_MESSAGE_CHARS;
    process.env.ENGRAM_MAX_MESSAGE_CHARS = "10";
    resetConfig();
    try {
      await expect(
        api.memory.add({ sessionId: "s", messages: [{ role: "x", content: "eleven char" }] }),
      ).rejects.toEqual(badRequest("content is 11 characters; the limit is 10"));
      expect(
        (await api.memory.add({ sessionId: "s", messages: [{ role: "x", content: "ten chars!" }] })).added,
      ).toBe(1);
    } finally {
      if (previous === undefined) delete process.env.ENGRAM_MAX_MESSAGE_CHARS;
      else process.env.ENGRAM_MAX_MESSAGE_CHARS = previous;
      resetConfig();
    }
  });

  it("refuses NUL characters and unpaired surrogates in content, roles and metadata, writing nothing", async () => {
    const api = await callerFor(t.db);
    const before = await existingSession(api);
    const cases: [AddInput["messages"][number], string][] = [
      [{ role: "x", content: "a\u0000b" }, "content must not contain NUL characters"],
      [{ role: "x\u0000", content: "hi" }, "role must not contain NUL characters"],
      [
        { role: "x", content: "hi", metadata: { note: "a\u0000b" } },
        "metadata must not contain NUL characters",
      ],
      [{ role: "x", content: "hi", metadata: { "k\u0000": 1 } }, "metadata must not contain NUL characters"],
      [
        { role: "x", content: "hi", metadata: { deep: [{ x: ["\u0000"] }] } },
        "metadata must not contain NUL",
      ],
      [{ role: "x", content: "half \uD83D emoji" }, "content must be valid Unicode"],
      [{ role: "x", content: "hi", metadata: { note: "\uDE00" } }, "metadata must be valid Unicode"],
    ];
    for (const [message, fragment] of cases) {
      for (const sessionId of ["new", "existing"]) {
        await expect(
          api.memory.add({ sessionId, messages: [{ role: "x", content: "fine" }, message] }),
          fragment,
        ).rejects.toEqual(badRequest(fragment));
      }
    }
    await expectNoSession(api, "new");
    await expectUnchanged(api, before);

    await expect(
      api.sessions.update({ sessionId: "existing", patch: { metadata: { note: "\u0000" } } }),
    ).rejects.toEqual(badRequest("metadata must not contain NUL characters"));
    await expect(api.users.create({ user_id: "jane", first_name: "Ja\u0000ne" })).rejects.toEqual(
      badRequest("first_name must not contain NUL characters"),
    );
    await expectUnchanged(api, before);
    expect(await api.users.list({})).toEqual([]);
  });

  it("refuses metadata nested too deep, however deep, with a clear error", async () => {
    const api = await callerFor(t.db);
    const nested = (depth: number) => {
      let metadata: Record<string, unknown> = { leaf: ["x"] };
      for (let level = 1; level < depth; level++) metadata = { n: metadata };
      return metadata;
    };
    const tooDeep = badRequest("metadata must not be nested more than 100 levels deep");
    for (const depth of [101, 20_000]) {
      await expect(api.sessions.create({ session_id: "s", metadata: nested(depth) })).rejects.toEqual(
        tooDeep,
      );
      await expect(api.users.create({ user_id: "jane", metadata: nested(depth) })).rejects.toEqual(tooDeep);
      await expect(
        api.memory.add({ sessionId: "s", messages: [{ role: "x", content: "hi", metadata: nested(depth) }] }),
      ).rejects.toEqual(tooDeep);
    }
    await expectNoSession(api, "s");
    expect(await api.users.list({})).toEqual([]);

    // The array inside the innermost object is the 100th level.
    const session = await api.sessions.create({ session_id: "s", metadata: nested(99) });
    expect(session.metadata).toEqual(nested(99));
    const updated = await api.sessions.update({ sessionId: "s", patch: { metadata: nested(99) } });
    expect(updated.metadata).toEqual(nested(99));
    await expect(api.sessions.update({ sessionId: "s", patch: { metadata: nested(100) } })).rejects.toEqual(
      tooDeep,
    );
  });

  it("refuses summaries that do not fit the session", async () => {
    const api = await callerFor(t.db);
    const added = await api.memory.add({
      sessionId: "s",
      messages: [
        { role: "x", content: "one" },
        { role: "x", content: "two" },
      ],
    });
    const [other] = (await api.memory.add({ sessionId: "other", messages: [{ role: "x", content: "o" }] }))
      .message_uuids;
    await expect(
      api.memory.addSummary({ sessionId: "s", content: "summary", recent_message_uuid: other! }),
    ).rejects.toEqual(badRequest("is not in session"));
    await expect(
      api.memory.addSummary({ sessionId: "s", content: "", recent_message_uuid: added.message_uuids[0]! }),
    ).rejects.toEqual(badRequest("content must not be empty"));
    await api.memory.addSummary({
      sessionId: "s",
      content: "up to two",
      recent_message_uuid: added.message_uuids[1]!,
    });
    await expect(
      api.memory.addSummary({
        sessionId: "s",
        content: "older",
        recent_message_uuid: added.message_uuids[0]!,
      }),
    ).rejects.toEqual(badRequest("newer than the latest summary"));
    expect((await api.memory.summaries({ sessionId: "s" })).map((s) => s.content)).toEqual(["up to two"]);
  });
});
