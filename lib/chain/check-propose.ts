import { encodeFunctionData, toHex, zeroAddress, zeroHash, type Address, type Client } from "viem";
import { call } from "viem/actions";
import { contracts } from "../contracts";
import { decodeRevertData, describeError, findRevertData } from "../contracts/errors";
import { proposeArgs, type ProposalAction } from "../governance/actions";
import { governorStorageSlots } from "./governor-storage";

const { governor } = contracts;

/** Whether the governor would take the actions as a proposal; when not, its refusal as a sentence and by name. */
export type ProposeCheck = { ok: true } | { ok: false; error: string; errorName?: string };

/**
 * `propose` run as an eth_call from the proposer: the governor's own rules on a list of actions (e.g.
 * MixedPanelProposal, for dispute-panel calls mixed with others) come from the chain, not from a copy kept here.
 * The description is a fixed one, so typing it does not rerun the check; the proposal threshold reads 0 for the
 * call (a state override), so a draft is checked before its proposer holds enough votes, which the builder shows apart.
 */
export async function checkPropose(
  client: Client,
  actions: readonly ProposalAction[],
  proposer: Address = zeroAddress,
): Promise<ProposeCheck> {
  try {
    await call(client, {
      account: proposer,
      to: governor.address,
      data: encodeFunctionData({
        abi: governor.abi,
        functionName: "propose",
        args: proposeArgs(actions, "Checking a draft of the proposal builder"),
      }),
      stateOverride: [
        {
          address: governor.address,
          stateDiff: [{ slot: toHex(governorStorageSlots.proposalThreshold, { size: 32 }), value: zeroHash }],
        },
      ],
    });
    return { ok: true };
  } catch (error) {
    const data = findRevertData(error);
    // No revert data: the node failed, the governor did not refuse. The query shows the error with a retry.
    if (!data) throw error;
    return { ok: false, error: describeError(error), errorName: decodeRevertData(data)?.name };
  }
}
