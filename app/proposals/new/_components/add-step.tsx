"use client";

import { formatEther } from "viem";
import {
  formatDuration,
  formatParameterBounds,
  formatParameterValue,
  formatTimestamp,
  formatTokens,
} from "@/lib/format";
import { QueryState } from "@/components/query-state";
import type { DraftStep, PendingStep } from "@/lib/governance/proposal-drafts";
import type { FormTemplateKind } from "@/lib/governance/template-form";
import { contractLimits, templates, type TemplateContext, type TemplateKind } from "@/lib/governance/templates";
import { useDaoOverview } from "@/lib/hooks/use-dao-overview";
import { useDisputes } from "@/lib/hooks/use-disputes";
import { useGuardian } from "@/lib/hooks/use-guardian";
import { useRegistry } from "@/lib/hooks/use-registry";
import { CustomCallForm } from "./custom-call-form";
import { TemplateFieldsForm } from "./template-fields-form";

/** A template picked: its kind, and for a network parameter its key. */
type Picked = { kind: TemplateKind; key?: string };

function isTemplateKind(kind: string): kind is TemplateKind {
  return kind in templates;
}

const groups: { title: string; kinds: TemplateKind[] }[] = [
  { title: "Publishers and models", kinds: ["verifyPublisher", "revokePublisher", "delistModel"] },
  { title: "Treasury", kinds: ["grant", "transferPlm", "transferEth", "fundDisputeRewards"] },
  {
    title: "Governance settings",
    kinds: [
      "votingDelay",
      "votingPeriod",
      "proposalThreshold",
      "quorumNumerator",
      "lateQuorumExtension",
      "timelockDelay",
    ],
  },
  { title: "Guardian (security council)", kinds: ["proposalGuardian", "guardianTermEnd", "pauseDuration"] },
  {
    title: "Disputes",
    kinds: [
      "disputeBond",
      "disputeReward",
      "adjudicationPeriod",
      "rulingQuorum",
      "expertStake",
      "addPanelMember",
      "removePanelMember",
      "slashExpert",
    ],
  },
  { title: "Custom", kinds: ["customCall", "rawCall"] },
];

const pickerButton =
  "rounded-md border border-slate-200 px-2.5 py-1.5 text-left text-sm hover:border-blue-400 hover:bg-blue-50";

/** Pick a template, fill its form (saved in the draft as typed), add its actions to the draft. */
export function AddStep({
  pending,
  onPending,
  onAdd,
}: {
  pending?: PendingStep;
  onPending: (pending: PendingStep | undefined) => void;
  onAdd: (step: DraftStep) => void;
}) {
  const overview = useDaoOverview();
  const disputes = useDisputes();
  const registry = useRegistry();
  const guardian = useGuardian();
  const picked: Picked | undefined =
    pending && isTemplateKind(pending.kind) ? { kind: pending.kind, key: pending.key } : undefined;
  const setPicked = (next: Picked | undefined) =>
    onPending(next && { kind: next.kind, key: next.key, texts: next.key ? { key: next.key } : {} });
  const texts = pending?.texts ?? {};
  const setTexts = (next: Record<string, string>) => {
    if (pending) onPending({ ...pending, texts: next });
  };

  const data = overview.data;
  const context: TemplateContext = {
    parameters: data ? new Map(data.parameters.map((parameter) => [parameter.key, parameter])) : undefined,
    treasury: data ? { plm: data.treasuryTokens, eth: data.treasuryEth } : undefined,
    totalSupply: data?.totalSupply,
    quorumDenominator: data?.quorumDenominator,
    panel: disputes.data?.panel.map((member) => member.address),
    rulingQuorum: disputes.data?.settings.rulingQuorum,
    modelCount: registry.data?.modelCount,
    guardian: guardian.data,
    now: guardian.now,
    disputes: disputes.data?.disputes,
  };

  const add = (input: Record<string, string>, actions: DraftStep["actions"]) => {
    if (!picked) return;
    onAdd({ id: crypto.randomUUID(), kind: picked.key ?? picked.kind, input, actions });
  };

  if (picked) {
    const now = currentValue(picked, { overview: data, disputes: disputes.data }, context);
    const limits = limitsOf(picked, context);
    return (
      <div className="space-y-3 rounded-lg border border-blue-200 bg-blue-50/40 p-3" data-testid="template-form">
        <div className="flex items-center gap-2">
          <h3 className="font-semibold">{picked.key ? `Change ${picked.key}` : templates[picked.kind].title}</h3>
          <button
            type="button"
            className="ml-auto text-sm text-slate-600 underline"
            onClick={() => setPicked(undefined)}
          >
            Back to templates
          </button>
        </div>
        {(now || limits) && (
          <p className="text-sm text-slate-700" data-testid="template-current">
            {now && <>Now: {now}. </>}
            {limits && <>Limits: {limits}.</>}
          </p>
        )}
        {picked.kind === "customCall" ? (
          <CustomCallForm texts={texts} onTexts={setTexts} context={context} onAdd={add} />
        ) : (
          <TemplateFieldsForm
            kind={picked.kind as FormTemplateKind}
            parameterKey={picked.key}
            texts={texts}
            onTexts={setTexts}
            context={context}
            registry={registry.data}
            onAdd={add}
          />
        )}
      </div>
    );
  }

  return (
    <QueryState query={overview} label="the network parameters and the treasury">
      {() => (
        <div className="space-y-3" data-testid="template-picker">
          <h3 className="text-sm font-semibold text-slate-700">Add an action</h3>
          <div>
            <p className="text-xs font-medium uppercase tracking-wide text-slate-600">Network parameters</p>
            <div className="mt-1 flex flex-wrap gap-2">
              {data?.parameters.map((parameter) => (
                <button
                  key={parameter.key}
                  type="button"
                  className={pickerButton}
                  data-testid={`template-parameter-${parameter.key}`}
                  onClick={() => setPicked({ kind: "parameterChange", key: parameter.key })}
                >
                  {parameter.key}{" "}
                  <span className="text-slate-600">({formatParameterValue(parameter.value, parameter.unit)})</span>
                </button>
              ))}
            </div>
          </div>
          {groups.map((group) => (
            <div key={group.title}>
              <p className="text-xs font-medium uppercase tracking-wide text-slate-600">{group.title}</p>
              <div className="mt-1 flex flex-wrap gap-2">
                {group.kinds.map((kind) => (
                  <button
                    key={kind}
                    type="button"
                    className={pickerButton}
                    data-testid={`template-${kind}`}
                    onClick={() => setPicked({ kind })}
                  >
                    {templates[kind].title}
                  </button>
                ))}
              </div>
            </div>
          ))}
        </div>
      )}
    </QueryState>
  );
}

type ChainState = {
  overview: ReturnType<typeof useDaoOverview>["data"];
  disputes: ReturnType<typeof useDisputes>["data"];
};

/** The value a settings template replaces, as the chain holds it now. */
function currentValue(
  { kind, key }: Picked,
  { overview, disputes }: ChainState,
  { guardian }: TemplateContext,
): string | undefined {
  const settings = overview?.settings;
  const dispute = disputes?.settings;
  switch (kind) {
    case "parameterChange": {
      const parameter = overview?.parameters.find((candidate) => candidate.key === key);
      return parameter && formatParameterValue(parameter.value, parameter.unit);
    }
    case "votingDelay":
      return settings && formatDuration(settings.votingDelay);
    case "votingPeriod":
      return settings && formatDuration(settings.votingPeriod);
    case "proposalThreshold":
      return settings && `${formatTokens(settings.proposalThreshold)} PLM`;
    case "quorumNumerator":
      return overview && `${overview.quorumNumerator} of ${overview.quorumDenominator} (of the supply)`;
    case "lateQuorumExtension":
      return settings && formatDuration(settings.lateQuorumExtension);
    case "timelockDelay":
      return settings && formatDuration(settings.timelockDelay);
    case "disputeBond":
      return dispute && `${formatTokens(dispute.bond)} PLM`;
    case "disputeReward":
      return dispute && `${formatTokens(dispute.rewardAmount)} PLM`;
    case "adjudicationPeriod":
      return dispute && formatDuration(dispute.adjudicationPeriod);
    case "rulingQuorum":
      return dispute && disputes && `${dispute.rulingQuorum} of ${disputes.panel.length} panel members`;
    case "expertStake":
      return dispute && `${formatTokens(dispute.expertStake)} PLM`;
    case "guardianTermEnd":
      return guardian && `the term ends ${formatTimestamp(guardian.termEnd)}`;
    case "pauseDuration":
      return guardian && `a pause lasts ${formatDuration(guardian.pauseDuration)}`;
    case "grant":
    case "transferPlm":
    case "fundDisputeRewards":
      return overview && `the treasury holds ${formatTokens(overview.treasuryTokens)} PLM`;
    case "transferEth":
      return overview && `the treasury holds ${formatEther(overview.treasuryEth)} ETH`;
    default:
      return undefined;
  }
}

/** The contract's limits on a settings template, in the template's unit. */
function limitsOf({ kind, key }: Picked, context: TemplateContext): string | undefined {
  const plm = (amount: bigint) => `${formatTokens(amount)} PLM`;
  switch (kind) {
    case "parameterChange": {
      const info = key ? context.parameters?.get(key) : undefined;
      return info && formatParameterBounds(info.min, info.max, info.unit);
    }
    case "disputeBond":
      return `${plm(contractLimits.minBond)} to ${plm(contractLimits.maxBond)} (DisputeModule)`;
    case "disputeReward":
      return `at most ${plm(contractLimits.maxReward)} (DisputeModule)`;
    case "adjudicationPeriod":
      return `${formatDuration(contractLimits.minAdjudicationPeriod)} to ${formatDuration(contractLimits.maxAdjudicationPeriod)} (DisputeModule)`;
    case "expertStake":
      return `${plm(contractLimits.minExpertStake)} to ${plm(contractLimits.maxExpertStake)} (DisputeModule)`;
    case "rulingQuorum":
      return context.panel && `1 to the panel size, ${context.panel.length} now (DisputeModule)`;
    case "addPanelMember":
      return `at most ${contractLimits.maxPanelSize} members (DisputeModule)`;
    case "quorumNumerator":
      return `1 to ${context.quorumDenominator ?? 100n} (Plenum refuses 0; OpenZeppelin caps at the denominator)`;
    case "votingPeriod":
      return "more than 0 (OpenZeppelin GovernorSettings)";
    case "timelockDelay":
      return "more than 0: the delay is the window to file a dispute";
    case "proposalThreshold":
      return context.totalSupply !== undefined ? `at most the total supply, ${plm(context.totalSupply)}` : undefined;
    case "guardianTermEnd": {
      const { guardian, now } = context;
      if (!guardian || now === undefined) return undefined;
      return (
        `no later than ${formatTimestamp(now + guardian.maxTerm)}, ${formatDuration(guardian.maxTerm)} from now ` +
        `(PlenumGovernor); a date in the past ends the term at once. The guardian cannot cancel a proposal that ` +
        `only shortens or keeps its term`
      );
    }
    case "pauseDuration":
      return (
        context.guardian &&
        `${formatDuration(context.guardian.minPauseDuration)} to ${formatDuration(context.guardian.maxPauseDuration)} (NetworkParameters)`
      );
    case "slashExpert":
      return (
        "a ruling the expert cast on the dispute, or idleness recorded when it timed out (DisputeModule); " +
        "at most the expert's stake is slashed. Slashing changes the panel: the proposal may hold nothing else"
      );
    default:
      return undefined;
  }
}
