// JSON-RPC over plain fetch, for bulk work viem's transport is not made for: batches of hundreds of calls in one
// request, and no 10 MiB cap on a response.

export type RpcCall = { method: string; params: unknown[] };

type RpcResponse = { id: number; result?: unknown; error?: { code: number; message: string; data?: unknown } };

export class RpcError extends Error {
  constructor(
    readonly call: RpcCall,
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(`${call.method}: ${message}`);
  }
}

export type JsonRpc = {
  call: <T>(method: string, params?: unknown[]) => Promise<T>;
  /** Results in the order of `calls`; the first failed call throws. */
  batch: <T>(calls: RpcCall[]) => Promise<T[]>;
};

export function jsonRpc(url: string): JsonRpc {
  async function post(body: string): Promise<unknown> {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
    const text = await response.text();
    if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}: ${text.slice(0, 200)}`);
    return JSON.parse(text);
  }
  const unwrap = (call: RpcCall, response: RpcResponse) => {
    if (response.error) {
      throw new RpcError(call, response.error.code, response.error.message, response.error.data);
    }
    return response.result;
  };
  return {
    async call<T>(method: string, params: unknown[] = []) {
      const response = (await post(JSON.stringify({ jsonrpc: "2.0", id: 0, method, params }))) as RpcResponse;
      return unwrap({ method, params }, response) as T;
    },
    async batch<T>(calls: RpcCall[]) {
      if (calls.length === 0) return [];
      const body = JSON.stringify(calls.map((call, id) => ({ jsonrpc: "2.0", id, ...call })));
      const responses = (await post(body)) as RpcResponse[];
      const byId = new Map(responses.map((response) => [response.id, response]));
      return calls.map((call, id) => {
        const response = byId.get(id);
        if (!response) throw new Error(`${call.method}: no answer in the batch response`);
        return unwrap(call, response) as T;
      });
    },
  };
}
