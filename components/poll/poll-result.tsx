import type { PollResultJson } from "@/lib/polls/api";
import { describeResult } from "@/lib/polls/result";
import type { PollKind } from "@/lib/polls/typed-data";

/** Each option's weight as a bar, the voters, the turnout and the quorum an on-chain vote would need. */
export function PollResult({ kind, result }: { kind: PollKind; result: PollResultJson }) {
  const described = describeResult(kind, result);
  return (
    <div className="space-y-3" data-testid="poll-result">
      <ul className="space-y-2">
        {described.options.map((option) => (
          <li key={option.label} data-testid="poll-option-result">
            <div className="flex flex-wrap justify-between gap-x-3 text-sm">
              <span className="font-medium" data-testid="poll-option-label">
                {option.label}
              </span>
              <span>
                <span data-testid="poll-option-weight">{option.weight}</span> ·{" "}
                <span data-testid="poll-option-share">{option.share}</span>
              </span>
            </div>
            <div className="mt-1 h-2 overflow-hidden rounded-full bg-slate-200" aria-hidden>
              <div className="h-full bg-blue-600" style={{ width: option.share }} />
            </div>
          </li>
        ))}
      </ul>
      <dl className="grid gap-x-3 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-slate-600">Voters</dt>
        <dd data-testid="poll-voters">{described.voters}</dd>
        <dt className="text-slate-600">Turnout</dt>
        <dd data-testid="poll-turnout">{described.turnout}</dd>
        <dt className="text-slate-600">Quorum an on-chain vote would need</dt>
        <dd data-testid="poll-quorum">{described.quorum}</dd>
      </dl>
    </div>
  );
}
