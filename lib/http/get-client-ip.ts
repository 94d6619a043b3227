/**
 * The caller's address for rate limits. Next's own server appends the socket
 * address to X-Forwarded-For, so the last entry is trustworthy; each trusted
 * reverse proxy in front (TRUSTED_PROXY_HOPS) adds one more entry to skip.
 */
export function getClientIp(headers: Headers, trustedProxyHops = 0): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const ip = chain[chain.length - 1 - trustedProxyHops] ?? chain[0] ?? headers.get("x-real-ip") ?? "unknown";
  return ip.replace(/^::ffff:/, "");
}
