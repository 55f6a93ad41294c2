/** The dispute module: its settings, its panel, its reward pool and slashing an expert. */
import { encodeFunctionData, isAddressEqual, type Address } from "viem";
import { disputeModuleAbi } from "../../contracts/abis.generated";
import { formatDuration } from "../../format";
import { slashGroundNames, type DisputeRecord } from "../disputes";
import { approve, disputeCall } from "./calls";
import { boundsErrors, checkAddress, checkPositiveAmount, checkText, checkTreasury, plm, trim } from "./field-checks";
import { contractLimits } from "./limits";
import type { Definitions, FieldError } from "./types";

export type DisputeInputs = {
  /** DisputeModule.setBond (PLM wei). */
  disputeBond: { amount: bigint };
  /** DisputeModule.setRewardAmount (PLM wei). */
  disputeReward: { amount: bigint };
  /** DisputeModule.setAdjudicationPeriod (seconds). */
  adjudicationPeriod: { seconds: bigint };
  /** DisputeModule.setRulingQuorum: matching rulings that decide a dispute. */
  rulingQuorum: { quorum: bigint };
  /** DisputeModule.setExpertStake (PLM wei). */
  expertStake: { amount: bigint };
  /** DisputeModule.addPanelMember(expert, profile). */
  addPanelMember: { expert: Address; profile: string };
  /** DisputeModule.removePanelMember(expert). */
  removePanelMember: { expert: Address };
  /** token.approve(disputeModule, amount), then DisputeModule.fundRewards(amount) (it pulls with transferFrom). */
  fundDisputeRewards: { amount: bigint };
  /**
   * DisputeModule.slashExpert: up to `amount` of the expert's stake, on a ground the module recorded on `disputeId`
   * (`ground` in IDisputePanelAdmin.SlashGround order, as `slashGroundNames`).
   */
  slashExpert: { expert: Address; amount: bigint; ground: bigint; disputeId: bigint; reason: string };
};

export const disputeTemplates: Definitions<DisputeInputs> = {
  disputeBond: {
    title: "Dispute bond",
    validate: ({ amount }) =>
      boundsErrors(
        "amount",
        amount,
        contractLimits.minBond,
        contractLimits.maxBond,
        plm,
        "The dispute bond",
        "DisputeModule MIN_BOND / MAX_BOND",
      ),
    encode: ({ amount }, addresses) =>
      disputeCall(addresses, encodeFunctionData({ abi: disputeModuleAbi, functionName: "setBond", args: [amount] })),
  },

  disputeReward: {
    title: "Reward for an upheld dispute",
    validate: ({ amount }) =>
      boundsErrors(
        "amount",
        amount,
        0n,
        contractLimits.maxReward,
        plm,
        "The dispute reward",
        "DisputeModule MAX_REWARD",
      ),
    encode: ({ amount }, addresses) =>
      disputeCall(
        addresses,
        encodeFunctionData({ abi: disputeModuleAbi, functionName: "setRewardAmount", args: [amount] }),
      ),
  },

  adjudicationPeriod: {
    title: "Dispute adjudication period",
    validate: ({ seconds }) =>
      boundsErrors(
        "seconds",
        seconds,
        contractLimits.minAdjudicationPeriod,
        contractLimits.maxAdjudicationPeriod,
        formatDuration,
        "The adjudication period",
        "DisputeModule MIN_ADJUDICATION_PERIOD / MAX_ADJUDICATION_PERIOD",
      ),
    encode: ({ seconds }, addresses) =>
      disputeCall(
        addresses,
        encodeFunctionData({ abi: disputeModuleAbi, functionName: "setAdjudicationPeriod", args: [seconds] }),
      ),
  },

  rulingQuorum: {
    title: "Dispute ruling quorum",
    validate: ({ quorum }, { panel }) => {
      const max = BigInt(panel?.length ?? contractLimits.maxPanelSize);
      const what = panel ? `the panel's size (${max} members)` : `MAX_PANEL_SIZE (${max})`;
      if (quorum < 1n || quorum > max) {
        return [
          {
            field: "quorum",
            message: `The ruling quorum must be between 1 and ${what} (DisputeModule: SettingOutOfBounds)`,
          },
        ];
      }
      return [];
    },
    encode: ({ quorum }, addresses) =>
      disputeCall(
        addresses,
        encodeFunctionData({ abi: disputeModuleAbi, functionName: "setRulingQuorum", args: [quorum] }),
      ),
  },

  expertStake: {
    title: "Panel expert stake",
    validate: ({ amount }) =>
      boundsErrors(
        "amount",
        amount,
        contractLimits.minExpertStake,
        contractLimits.maxExpertStake,
        plm,
        "The expert stake",
        "DisputeModule MIN_EXPERT_STAKE / MAX_EXPERT_STAKE",
      ),
    encode: ({ amount }, addresses) =>
      disputeCall(
        addresses,
        encodeFunctionData({ abi: disputeModuleAbi, functionName: "setExpertStake", args: [amount] }),
      ),
  },

  addPanelMember: {
    title: "Add a dispute panel member",
    validate: ({ expert, profile }, { panel }) => {
      const errors: FieldError[] = [];
      if (checkAddress(errors, "expert", expert, "expert") && panel?.some((member) => isAddressEqual(member, expert))) {
        errors.push({ field: "expert", message: "Already on the panel (DisputeModule: AlreadyPanelMember)" });
      }
      if (panel && panel.length >= contractLimits.maxPanelSize) {
        errors.push({
          field: "expert",
          message: `The panel is full: ${contractLimits.maxPanelSize} members at most (DisputeModule: PanelFull)`,
        });
      }
      checkText(errors, "profile", profile, "profile", contractLimits.panelProfileBytes, "DisputeModule");
      return errors;
    },
    encode: ({ expert, profile }, addresses) =>
      disputeCall(
        addresses,
        encodeFunctionData({ abi: disputeModuleAbi, functionName: "addPanelMember", args: [expert, trim(profile)] }),
      ),
  },

  removePanelMember: {
    title: "Remove a dispute panel member",
    validate: ({ expert }, { panel, rulingQuorum }) => {
      const errors: FieldError[] = [];
      if (!checkAddress(errors, "expert", expert, "expert") || !panel) return errors;
      if (!panel.some((member) => isAddressEqual(member, expert))) {
        errors.push({ field: "expert", message: "Not on the panel (DisputeModule: NotPanelMember)" });
      } else if (rulingQuorum !== undefined && BigInt(panel.length - 1) < rulingQuorum) {
        errors.push({
          field: "expert",
          message:
            `The panel would drop to ${panel.length - 1} members, below the ruling quorum of ${rulingQuorum}: ` +
            `lower the quorum first (DisputeModule: PanelBelowQuorum)`,
        });
      }
      return errors;
    },
    encode: ({ expert }, addresses) =>
      disputeCall(
        addresses,
        encodeFunctionData({ abi: disputeModuleAbi, functionName: "removePanelMember", args: [expert] }),
      ),
  },

  fundDisputeRewards: {
    title: "Fund the dispute reward pool",
    validate: ({ amount }, { treasury }) => {
      const errors: FieldError[] = [];
      if (checkPositiveAmount(errors, "amount", amount, "amount")) {
        checkTreasury(errors, "amount", amount, treasury?.plm, "PLM");
      }
      return errors;
    },
    encode: ({ amount }, addresses) => [
      approve(addresses, addresses.disputeModule, amount),
      ...disputeCall(
        addresses,
        encodeFunctionData({ abi: disputeModuleAbi, functionName: "fundRewards", args: [amount] }),
      ),
    ],
  },

  slashExpert: {
    title: "Slash a panel expert",
    validate: (input, { disputes }) => {
      const errors: FieldError[] = [];
      const expertOk = checkAddress(errors, "expert", input.expert, "expert");
      checkPositiveAmount(errors, "amount", input.amount, "amount to slash");
      const groundOk = input.ground >= 0n && input.ground < BigInt(slashGroundNames.length);
      if (!groundOk) {
        errors.push({ field: "ground", message: `Pick a ground: ${slashGroundNames.join(", ")}` });
      }
      if (input.disputeId < 1n) {
        errors.push({ field: "disputeId", message: "Dispute ids start at 1" });
      } else if (disputes) {
        const dispute = disputes.find((candidate) => candidate.id === input.disputeId);
        if (!dispute) errors.push({ field: "disputeId", message: `There is no dispute #${input.disputeId}` });
        else if (expertOk && groundOk && !hasSlashGround(dispute, input.expert, input.ground)) {
          errors.push({ field: "ground", message: missingGround(input.ground, input.disputeId) });
        }
      }
      checkText(errors, "reason", input.reason, "reason", contractLimits.reasonBytes, "DisputeModule");
      return errors;
    },
    encode: ({ expert, amount, ground, disputeId, reason }, addresses) =>
      disputeCall(
        addresses,
        encodeFunctionData({
          abi: disputeModuleAbi,
          functionName: "slashExpert",
          args: [expert, amount, Number(ground), disputeId, trim(reason)],
        }),
      ),
  },
};

/** As DisputeModule.slashExpert checks it: a ruling cast on the dispute, or idleness recorded when it timed out. */
function hasSlashGround(
  dispute: Pick<DisputeRecord, "rulings" | "idleMembers">,
  expert: Address,
  ground: bigint,
): boolean {
  if (ground === 2n) return dispute.idleMembers.some((member) => isAddressEqual(member, expert));
  return dispute.rulings.some((ruling) => isAddressEqual(ruling.expert, expert));
}

function missingGround(ground: bigint, disputeId: bigint): string {
  const record =
    ground === 2n
      ? `was not recorded idle when dispute #${disputeId} timed out`
      : `did not rule on dispute #${disputeId}`;
  return `This expert ${record}: no ground for ${slashGroundNames[Number(ground)]} (DisputeModule: NoGroundToSlash)`;
}
