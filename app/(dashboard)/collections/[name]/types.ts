import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Outputs = inferRouterOutputs<AppRouter>;
export type Collection = Outputs["collections"]["get"];
export type Document = Outputs["collections"]["documents"][number];
