import { describeError } from "@/lib/contracts/errors";
import { formatTokens, shortAddress } from "@/lib/format";
import type { DelegationPreview } from "@/lib/governance/delegation";

/**
 * "Your voting power: X PLM → Y PLM" and the same line for the new and the current delegate, when they are other
 * addresses. `delegateeName` names the new delegate (a statement's display name), else its short address is shown.
 */
export function PowerChangeLines({
  preview,
  error,
  delegateeName,
  testId,
}: {
  preview: DelegationPreview | undefined;
  error?: Error | null;
  delegateeName?: string;
  testId?: string;
}) {
  if (error) {
    return (
      <p role="alert" className="text-xs text-red-800">
        Could not read the voting power this would move: {describeError(error)}
      </p>
    );
  }
  if (!preview) {
    return (
      <p role="status" className="animate-pulse text-xs text-slate-600">
        Reading voting power…
      </p>
    );
  }
  const { you, newDelegate, previousDelegate } = preview;
  return (
    <ul className="space-y-0.5 text-xs text-slate-700 tabular-nums" data-testid={testId}>
      <li data-testid="your-power-change">
        Your voting power: <Change before={you.before} after={you.after} />
      </li>
      {newDelegate && (
        <li data-testid="delegatee-power-change">
          Voting power of {delegateeName ?? shortAddress(newDelegate.address)}:{" "}
          <Change before={newDelegate.before} after={newDelegate.after} />
        </li>
      )}
      {previousDelegate && (
        <li data-testid="previous-delegate-power-change">
          Voting power of your current delegate {shortAddress(previousDelegate.address)}:{" "}
          <Change before={previousDelegate.before} after={previousDelegate.after} />
        </li>
      )}
    </ul>
  );
}

function Change({ before, after }: { before: bigint; after: bigint }) {
  return (
    <span className="font-semibold">
      {formatTokens(before)} PLM → {formatTokens(after)} PLM
    </span>
  );
}
