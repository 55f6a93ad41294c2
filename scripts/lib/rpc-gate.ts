import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type RpcGate = { url: string; stop: () => Promise<void> };

/**
 * A JSON-RPC pass-through to `targetUrl` that tests can hold shut: `POST /gate/close` keeps every request waiting,
 * `POST /gate/open` lets them through. An indexer reading the chain through it falls behind on demand while it
 * still answers its own clients.
 */
export async function startRpcGate(targetUrl: string): Promise<RpcGate> {
  let waiting: (() => void)[] | undefined;
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (request.url === "/gate/close") {
      waiting ??= [];
      response.end("closed");
      return;
    }
    if (request.url === "/gate/open") {
      const held = waiting ?? [];
      waiting = undefined;
      for (const release of held) release();
      response.end("open");
      return;
    }
    if (waiting) await new Promise<void>((resolve) => waiting!.push(resolve));
    try {
      const upstream = await fetch(targetUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: Buffer.concat(chunks),
      });
      response.writeHead(upstream.status, { "content-type": "application/json" });
      response.end(Buffer.from(await upstream.arrayBuffer()));
    } catch {
      response.writeHead(502).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        for (const release of waiting ?? []) release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
