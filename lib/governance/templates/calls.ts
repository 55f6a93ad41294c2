import { encodeFunctionData, type Address, type Hex } from "viem";
import { plenumTokenAbi } from "../../contracts/abis.generated";
import type { ProposalAction } from "../actions";
import type { TemplateAddresses } from "./types";

export function call(target: Address, calldata: Hex, value = 0n): ProposalAction {
  return { target, value, calldata };
}

export function approve(addresses: TemplateAddresses, spender: Address, amount: bigint): ProposalAction {
  return call(
    addresses.token,
    encodeFunctionData({ abi: plenumTokenAbi, functionName: "approve", args: [spender, amount] }),
  );
}

export function governorCall(addresses: TemplateAddresses, calldata: Hex): ProposalAction[] {
  return [call(addresses.governor, calldata)];
}

export function disputeCall(addresses: TemplateAddresses, calldata: Hex): ProposalAction[] {
  return [call(addresses.disputeModule, calldata)];
}
