import { countTokens as countCl100kTokens, setMergeCacheSize } from "gpt-tokenizer/encoding/cl100k_base";

// gpt-tokenizer counts the same tokens as tiktoken with about a third of js-tiktoken's memory and
// 8× its speed; its cache of merged words is kept small so the server's memory stays flat.
setMergeCacheSize(20_000);

/** Special tokens such as `<|endoftext|>` are counted as the plain text a message holds. */
const asPlainText = { disallowedSpecial: new Set<string>() };

// Byte-pair merging is quadratic in the length of one word, so a 256 KiB run of letters would
// block the server for minutes: text is counted in windows cut where the count cannot change.
const WINDOW_CHARS = 1024;
const UNBROKEN_CUT_CHARS = 256;
const letter = /\p{L}/u;
const whitespace = /\s/;

/** The last space inside the window that follows a non-space and precedes a letter (a word's start). */
function lastWordStart(text: string, from: number, to: number): number {
  for (let index = to - 1; index > from; index--) {
    if (text[index] === " " && !whitespace.test(text[index - 1]!) && letter.test(text[index + 1] ?? ""))
      return index;
  }
  return -1;
}

/**
 * Tokens in `text` under cl100k_base, the encoding of the GPT-3.5/GPT-4 family. Exact wherever a
 * window holds a word boundary; a window without one (a long unbroken run) is cut and counted in parts.
 */
export function countTokens(text: string): number {
  let total = 0;
  let start = 0;
  while (text.length - start > WINDOW_CHARS) {
    let cut = lastWordStart(text, start, start + WINDOW_CHARS);
    if (cut < 0) {
      cut = start + UNBROKEN_CUT_CHARS;
      const previous = text.charCodeAt(cut - 1);
      if (previous >= 0xd800 && previous <= 0xdbff) cut += 1;
    }
    total += countCl100kTokens(text.slice(start, cut), asPlainText);
    start = cut;
  }
  return start === text.length ? total : total + countCl100kTokens(text.slice(start), asPlainText);
}
