import { isAddressEqual, zeroAddress } from "viem";
import { useAccount, useReadContracts } from "wagmi";
import { contracts } from "../contracts";

/**
 * Whether the connected account is the network parameters' guardian (NetworkParameters.guardian(), which may pause
 * them), and whether they are paused.
 */
export function useParametersGuardian() {
  const { address } = useAccount();
  const { networkParameters } = contracts;
  const reads = useReadContracts({
    allowFailure: false,
    contracts: [
      { ...networkParameters, functionName: "guardian" },
      { ...networkParameters, functionName: "paused" },
    ],
    query: { select: ([guardian, paused]) => ({ guardian, paused }) },
  });
  const guardian = reads.data?.guardian;
  const isGuardian = Boolean(
    address && guardian && !isAddressEqual(guardian, zeroAddress) && isAddressEqual(address, guardian),
  );
  return { ...reads, account: address, isGuardian };
}
