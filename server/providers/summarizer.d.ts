import { type Config } from "../config";
import { type EndpointOptions } from "./llm";
/** A message as the summarizer sees it. */
export interface SummaryLine {
    role: string;
    content: string;
}
export interface SummarizeInput {
    /** The summary so far, if any; the new one must carry its facts forward. */
    previous?: string;
    /** The messages to fold in, oldest first. */
    messages: SummaryLine[];
}
/** Folds messages into a running summary. */
export interface Summarizer {
    readonly name: string;
    summarize(input: SummarizeInput): Promise<string>;
}
export interface ExtractiveOptions {
    maxChars?: number;
    maxSentences?: number;
}
export declare function extractiveSummarizer(options?: ExtractiveOptions): Summarizer;
export declare const defaultSummaryPrompt = "You keep a running summary of a conversation so that an assistant can continue it without the full transcript.\n\nCurrent summary:\n{{previous_summary}}\n\nNew lines of the conversation:\n{{new_lines}}\n\nWrite the new summary: extend the current summary with the new lines, keep every fact that matters (names, places, dates, numbers, preferences, decisions, open questions), stay concise, and reply with the summary only.";
export interface OpenAiSummarizerOptions extends EndpointOptions {
    model: string;
    /** The model's context window in tokens; longer input is folded in several calls. */
    contextTokens: number;
    /** Longest summary the model may write. */
    maxTokens: number;
    /** Template with {{previous_summary}} and {{new_lines}}. */
    prompt?: string;
}
export declare function openAiSummarizer(options: OpenAiSummarizerOptions): Summarizer;
/** The summarizer the configuration names: the OpenAI-compatible one when a base URL is set. */
export declare function summarizerFromConfig(settings?: Config): Summarizer;
