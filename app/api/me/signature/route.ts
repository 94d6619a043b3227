import { getCurrentUser } from "@/lib/auth/guards";
import { getHandwrittenSignature } from "@/lib/signatures/get-handwritten-signature";

// The signed-in user's own signature image; nobody else's is reachable here.
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 401 });
  const sig = await getHandwrittenSignature({ userId: user.id });
  if (!sig) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(sig.png), { headers: { "content-type": "image/png", "cache-control": "private, no-store" } });
}
