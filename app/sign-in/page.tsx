import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { db } from "@/server/db";
import { needsFirstAdmin } from "@/server/services/accounts";
import { SignInForm } from "../_components/auth-forms";
import { currentAccount } from "../_lib/auth";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await currentAccount()) redirect("/");
  if (await needsFirstAdmin(await db())) redirect("/setup");
  const { next } = await searchParams;
  return <SignInForm next={next} />;
}
