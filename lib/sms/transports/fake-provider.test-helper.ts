import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

// A real HTTP server on 127.0.0.1 that plays an SMS provider in tests, so the
// transports are exercised through fetch, real sockets and real timeouts.

export interface ReceivedRequest {
  method: string;
  /** Raw request target, e.g. "/?PhoneNumbers=…" — exactly the bytes the client sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** "hang" accepts the request and never answers, to exercise client timeouts. */
export type FakeReply = { status: number; body: string; contentType?: string } | "hang";

export interface FakeProvider {
  endpoint: string;
  requests: ReceivedRequest[];
  reply: (req: ReceivedRequest) => FakeReply;
  close(): Promise<void>;
}

export async function startFakeProvider(): Promise<FakeProvider> {
  const provider: FakeProvider = {
    endpoint: "",
    requests: [],
    reply: () => ({ status: 500, body: "no reply configured" }),
    close: async () => {},
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const received = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) };
      provider.requests.push(received);
      const reply = provider.reply(received);
      if (reply === "hang") return;
      res.writeHead(reply.status, { "content-type": reply.contentType ?? "application/json" }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  provider.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  provider.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections(); // drops hung requests too
      server.close(() => resolve());
    });
  return provider;
}
