import type { Metadata } from "next";
import { CollectionView } from "./collection-view";

type Params = { params: Promise<{ name: string }> };

function nameFrom(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Collection ${nameFrom((await params).name)}` };
}

export default async function CollectionPage({ params }: Params) {
  const name = nameFrom((await params).name);
  return <CollectionView key={name} name={name} />;
}
