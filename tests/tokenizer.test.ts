import { describe, expect, it } from "vitest";
import { countTokens } from "@/server/providers/tokenizer";
import { callerFor, useTestDatabase } from "./support/databases";

describe("token counts (cl100k_base)", () => {
  it("counts as tiktoken does", () => {
    // Reference counts from tiktoken's cl100k_base.
    expect(countTokens("")).toBe(0);
    expect(countTokens("hello world")).toBe(2);
    expect(countTokens("Hello, World!")).toBe(4);
    expect(countTokens("naïve café 東京 🚀")).toBe(10);
  });

  it("counts special-token text such as <|endoftext|> as plain text", () => {
    expect(countTokens("<|endoftext|>")).toBe(7);
  });
});

describe("memory with special-token text", () => {
  const t = useTestDatabase("postgres", "tokenizer");

  it("stores a message holding <|endoftext|> with its token count", async () => {
    const api = await callerFor(t.db);
    await api.memory.add({
      sessionId: "s1",
      messages: [{ role: "Jane", content: "stop at <|endoftext|> here" }],
    });
    const memory = await api.memory.get({ sessionId: "s1" });
    expect(memory.messages.map((message) => [message.content, message.token_count])).toEqual([
      ["stop at <|endoftext|> here", 9],
    ]);
  });
});
