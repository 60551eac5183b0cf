import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Outputs = inferRouterOutputs<AppRouter>;
export type Message = Outputs["messages"]["get"];
export type Summary = Outputs["memory"]["summaries"][number];
export type Memory = Outputs["memory"]["get"];
export type MemoryType = Memory["memory_type"];
export type SummaryRange = Outputs["dashboard"]["summaries"][number];
