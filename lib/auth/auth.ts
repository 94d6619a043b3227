import "server-only";
import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getClientIp } from "@/lib/http/get-client-ip";
import { env } from "@/lib/env";
import { getAuthSecret } from "@/lib/secrets/get-auth-secret";
import { loadSessionUser, type SessionUser } from "./load-session-user";
import { redeemLoginTicket, SESSION_MAX_AGE_S } from "./redeem-login-ticket";

declare module "next-auth" {
  interface Session {
    user: SessionUser & DefaultSession["user"];
  }
  interface User {
    sid?: string;
  }
}

const TicketSchema = z.object({ ticket: z.string().min(20).max(100) });

// A lazy config so the secret (generated into DATA_DIR outside production) is
// read at request time, never during `next build`.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: getAuthSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      id: "ticket",
      credentials: { ticket: {} },
      async authorize(credentials, request) {
        const parsed = TicketSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const headers = request instanceof Request ? request.headers : new Headers();
        const redeemed = await redeemLoginTicket({
          token: parsed.data.ticket,
          userAgent: headers.get("user-agent"),
          ip: getClientIp(headers, env().TRUSTED_PROXY_HOPS),
        });
        return redeemed ? { id: redeemed.userId, sid: redeemed.sid } : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user?.sid) token.sid = user.sid;
      if (typeof token.sid !== "string") return null;
      // Revoked or expired on the server: the JWT is worthless from now on.
      // The row read here is the request's one look at the session; the
      // session callback below only copies it.
      const current = await loadSessionUser(token.sid);
      return current ? { ...token, uid: current.id, user: current } : null;
    },
    async session({ session, token }) {
      const current = token.user as SessionUser | undefined;
      if (current) session.user = { ...session.user, ...current, name: current.realName ?? current.phone };
      return session;
    },
  },
}));
