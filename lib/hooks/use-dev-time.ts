import { useMutation, useQueryClient } from "@tanstack/react-query";
import { testActions } from "viem";
import { useClient } from "wagmi";

/** Local chain only: set anvil's clock to `timestamp` and mine a block there, then refresh every read. */
export function useMoveChainTime() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (timestamp: bigint) => {
      if (!client) throw new Error("No RPC client for the configured chain.");
      const anvil = client.extend(testActions({ mode: "anvil" }));
      await anvil.setNextBlockTimestamp({ timestamp });
      await anvil.mine({ blocks: 1 });
    },
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
