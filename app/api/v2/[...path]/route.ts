import { zepHandlers } from "@/server/rest/dispatch";

export const dynamic = "force-dynamic";

export const { GET, POST, PATCH, DELETE, PUT } = zepHandlers("v2");
