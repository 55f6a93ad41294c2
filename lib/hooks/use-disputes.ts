import { useQuery } from "@tanstack/react-query";
import { useChainId, usePublicClient } from "wagmi";
import { loadDisputes } from "../chain/dispute-events";

/** Every dispute with rulings and its proposal's title, the expert panel with stakes, and the module's settings. */
export function useDisputes() {
  const chainId = useChainId();
  const client = usePublicClient();
  return useQuery({
    queryKey: ["plenum", chainId, "disputes"],
    queryFn: () => loadDisputes(client!),
    enabled: client !== undefined,
  });
}
