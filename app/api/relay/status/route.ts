import { isAddress } from "viem";
import { RelayRefusal } from "@/lib/relay/relay";
import { relayResponse } from "@/lib/relay/server";

/** Whether relaying is open, the sponsor's balance and budget, and with `?address=` what that address has left. */
export async function GET(request: Request) {
  return relayResponse(request, async (relay) => {
    const address = new URL(request.url).searchParams.get("address");
    if (address !== null && !isAddress(address)) {
      throw new RelayRefusal("InvalidRequest", `address=${address.slice(0, 60)} is not an address.`);
    }
    return relay.status(address ?? undefined);
  });
}
