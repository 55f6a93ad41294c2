// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IDisputeModule} from "./IDisputeModule.sol";

/// @notice The dispute module's functions that change the panel: who sits on it, how many must agree, what they must
/// stake, and slashing. The timelock alone calls them.
interface IDisputePanelAdmin {
    /// @notice What a slash is for, each checked against the module's own records.
    enum SlashGround {
        /// the expert ruled on the dispute, maliciously
        MaliciousRuling,
        /// the expert ruled on the dispute, negligently
        NegligentRuling,
        /// the expert sat on the panel when the dispute was filed and did not rule before it timed out
        IdleOnTimeout
    }

    function addPanelMember(address expert, string calldata profile) external;
    function removePanelMember(address expert) external;
    function setRulingQuorum(uint256 newQuorum) external;
    function setExpertStake(uint256 newExpertStake) external;
    function slashExpert(
        address expert,
        uint256 amount,
        SlashGround ground,
        uint256 disputeId,
        string calldata reason
    ) external;
}

/// @notice The governor's function that replaces the dispute module.
interface IDisputeModuleSetter {
    function setDisputeModule(IDisputeModule newDisputeModule) external;
}

/// @title The calls on which the dispute panel has a conflict of interest
/// @notice The panel is a check on a token majority, so it judges every proposal except the calls that change the
/// panel itself: on the dispute module `addPanelMember`, `removePanelMember`, `setRulingQuorum`, `setExpertStake` and
/// `slashExpert`, and on the governor `setDisputeModule`. Not `transferOwnership` of the module: its owner receives
/// the reward pool, slashed stakes and forfeited bonds, so handing it over is judged like any treasury transfer. A proposal holding such a call holds nothing else (the governor refuses a mixed proposal at
/// `propose`), cannot be disputed (the module refuses it at filing: the panel could only delay it), and executes
/// without asking the module (so a broken module can always be replaced). Its checks are the vote, the timelock
/// window and the guardian. The governor and the module both decide through this library.
library PanelCalls {
    /// @return whether `data` sent to `target` is a panel call, given the governor and dispute module in charge
    function isPanelCall(address target, bytes memory data, address governor, address disputeModule)
        internal
        pure
        returns (bool)
    {
        if (data.length < 4) return false;
        bytes4 selector = bytes4(data);
        if (target == disputeModule) {
            return selector == IDisputePanelAdmin.addPanelMember.selector
                || selector == IDisputePanelAdmin.removePanelMember.selector
                || selector == IDisputePanelAdmin.setRulingQuorum.selector
                || selector == IDisputePanelAdmin.setExpertStake.selector
                || selector == IDisputePanelAdmin.slashExpert.selector;
        }
        return target == governor && selector == IDisputeModuleSetter.setDisputeModule.selector;
    }

    /// @return count how many of the calls are panel calls
    function countPanelCalls(address[] memory targets, bytes[] memory calldatas, address governor, address disputeModule)
        internal
        pure
        returns (uint256 count)
    {
        for (uint256 i = 0; i < targets.length; ++i) {
            if (isPanelCall(targets[i], calldatas[i], governor, disputeModule)) ++count;
        }
    }

    /// @return whether every call (and at least one) is a panel call: the panel stays out of such a proposal
    function isPanelProposal(address[] memory targets, bytes[] memory calldatas, address governor, address disputeModule)
        internal
        pure
        returns (bool)
    {
        return targets.length != 0 && countPanelCalls(targets, calldatas, governor, disputeModule) == targets.length;
    }
}
