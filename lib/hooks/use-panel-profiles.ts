import type { Address } from "viem";
import { useReadContracts } from "wagmi";
import { contracts } from "../contracts";

/** The public profile governance set for each expert (empty for one no longer on the panel). */
export function usePanelProfiles(experts: readonly Address[]): Map<Address, string> {
  const reads = useReadContracts({
    allowFailure: false,
    contracts: experts.map(
      (expert) => ({ ...contracts.disputeModule, functionName: "panelProfile", args: [expert] }) as const,
    ),
  });
  return new Map(experts.map((expert, index) => [expert, reads.data?.[index] ?? ""]));
}
