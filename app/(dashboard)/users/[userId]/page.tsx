import type { Metadata } from "next";
import { UserView } from "./user-view";

type Params = { params: Promise<{ userId: string }> };

function userIdFrom(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `User ${userIdFrom((await params).userId)}` };
}

export default async function UserPage({ params }: Params) {
  const userId = userIdFrom((await params).userId);
  return <UserView key={userId} userId={userId} />;
}
