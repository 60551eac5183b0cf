"use client";

import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@/server/trpc/root";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** Sent with every dashboard call: the server accepts the sign-in cookie only alongside it. */
export const CSRF_HEADERS = { "x-engram-csrf": "1" };
