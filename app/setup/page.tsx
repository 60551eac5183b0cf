import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { db } from "@/server/db";
import { needsFirstAdmin } from "@/server/services/accounts";
import { SetupForm } from "../_components/auth-forms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Set up" };

export default async function SetupPage() {
  if (!(await needsFirstAdmin(await db()))) redirect("/sign-in");
  return <SetupForm />;
}
