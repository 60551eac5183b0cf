export const dynamic = "force-dynamic";

export function GET() {
  return new Response(".", { headers: { "X-Zep-Version": "0.27.2", "Content-Type": "text/plain" } });
}
