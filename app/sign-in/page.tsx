import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { db } from "@/server/db";
import { needsFirstAdmin } from "@/server/services/accounts";
import { SignInForm } from "../_components/auth-forms";
import { currentAccount } from "../_lib/auth";
import { safeNext } from "../_lib/next-path";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (await currentAccount()) redirect(safeNext(next));
  if (await needsFirstAdmin(await db())) redirect("/setup");
  return <SignInForm next={next} />;
}
